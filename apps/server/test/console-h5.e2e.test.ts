// The customer's H5 bind page in headless Chromium: a made-up, altered or expired link says so
// before anything is asked; a real one shows the form.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './helpers/browser.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';
import { ensureConsoleBuilt, consoleDist } from '../src/console-build.ts';
import { h5Token } from '../src/modules/commerce/index.ts';

const shots = path.resolve('test-results');
let srv: TestServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let browser: Browser;
let page: Page;

before(async () => {
  await ensureConsoleBuilt(() => undefined);
  srv = await startTestServer({ consoleDir: consoleDist });
  world = await buildWorld(srv.deps);
  browser = await launchChromium();
  // A phone: the page is opened from a WeCom chat.
  page = await browser.newPage({ viewport: { width: 390, height: 800 }, locale: 'zh-CN' });
  fs.mkdirSync(shots, { recursive: true });
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

async function open(token: string) {
  await page.goto(`${srv.url}/h5/bind?t=${encodeURIComponent(token)}`);
  // Either the link's verdict or the form, once the check has answered.
  await page.locator('[data-testid="h5-result"], [data-testid="h5-order-no"]').first().waitFor();
}

async function assertRefused(token: string, title: string, link: string) {
  await open(token);
  const result = page.getByTestId('h5-result');
  assert.equal(await result.getAttribute('data-link'), link);
  assert.match(await result.innerText(), new RegExp(title));
  assert.equal(await page.getByTestId('h5-order-no').count(), 0, 'no order number is asked for');
  assert.equal(await page.getByTestId('h5-submit').count(), 0);
}

test('a made-up link says it is invalid and shows no form', { timeout: 120_000 }, async () => {
  await assertRefused('made-up-token-0123456789', '链接无效', 'invalid');
  await page.screenshot({ path: path.join(shots, 'h5-invalid.png') });
});

test('an altered or expired link is refused the same way; a real link shows the form', { timeout: 120_000 }, async () => {
  const { tenantId, customers } = world.alpha;
  const real = h5Token(srv.deps, tenantId, customers.c1.id).token;
  const [body, sig] = real.split('.');
  await assertRefused(`${body}.${sig.slice(0, -1)}${sig.endsWith('a') ? 'b' : 'a'}`, '链接无效', 'invalid');
  const weekAgo = { ...srv.deps, clock: { ...srv.deps.clock, now: () => new Date(Date.now() - 8 * 86_400_000) } };
  await assertRefused(h5Token(weekAgo, tenantId, customers.c1.id).token, '链接已过期', 'expired');
  await page.screenshot({ path: path.join(shots, 'h5-expired.png') });

  // The link a staff member makes in the console.
  const admin = await srv.login('admin@alpha', PASSWORD);
  const made = (await admin.post(`/api/customers/${customers.c1.id}/bind-link`)).body;
  await page.goto(new URL(made.url, srv.url).href);
  await page.getByTestId('h5-order-no').waitFor();
  assert.equal(await page.getByTestId('h5-result').count(), 0);
  assert.equal(await page.getByTestId('h5-submit').count(), 1);
});
