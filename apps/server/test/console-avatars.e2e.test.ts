// Avatars in headless Chromium: WeCom's http:// avatar URLs are loaded over https (no mixed
// content behind HTTPS), and an image that cannot load gives way to the customer's initials.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, logInAs } from './helpers/browser.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { buildWorld } from './helpers/world.ts';
import { ensureConsoleBuilt, consoleDist } from '../src/console-build.ts';

const shots = path.resolve('test-results');
// Port 9 (discard) refuses: the image fails at once, as it would without network.
const DEAD = 'http://127.0.0.1:9/mmhead/dead/0';
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
let srv: TestServer;
let world: Awaited<ReturnType<typeof buildWorld>>;
let browser: Browser;
let page: Page;

before(async () => {
  await ensureConsoleBuilt(() => undefined);
  srv = await startTestServer({ consoleDir: consoleDist });
  world = await buildWorld(srv.deps);
  const { tenantId, customers } = world.alpha;
  await srv.deps.pool.query('update customers set avatar_url = $3 where tenant_id = $1 and id = $2', [tenantId, customers.c1.id, DEAD]);
  await srv.deps.pool.query('update customers set avatar_url = $3 where tenant_id = $1 and id = $2', [tenantId, customers.c2.id, PIXEL]);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  fs.mkdirSync(shots, { recursive: true });
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

test('avatars load over https and fall back to initials', { timeout: 120_000 }, async () => {
  const requested: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/mmhead/')) requested.push(r.url()); });
  await logInAs(page, srv.url, 'boss@alpha', 'test-pass-123');
  await page.goto(`${srv.url}/customers`);
  const row = (name: string) => page.getByTestId('customer-row').filter({ hasText: name });
  await row('王小芳').waitFor();

  // The broken one: initials, no image left behind.
  const broken = row('王小芳').getByTestId('person-avatar');
  await page.waitForFunction((el) => el?.getAttribute('data-fallback') === 'initials', await broken.elementHandle(), { timeout: 15_000 });
  assert.equal(await broken.innerText(), '王');
  assert.equal(await broken.locator('img').count(), 0);
  assert.ok(requested.length > 0, 'the avatar was tried');
  for (const u of requested) assert.match(u, /^https:\/\//, `requested over https: ${u}`);

  // A good image stays an image; a customer without one shows initials straight away.
  assert.equal(await row('李娜').getByTestId('person-avatar').locator('img').count(), 1);
  assert.equal(await row('张伟').getByTestId('person-avatar').innerText(), '张');
  await page.screenshot({ path: path.join(shots, 'avatars.png') });

  // The detail page's larger avatar falls back the same way.
  await row('王小芳').click();
  await page.getByTestId('customer-name').filter({ hasText: '王小芳' }).waitFor();
  const big = page.getByTestId('person-avatar').first();
  await page.waitForFunction((el) => el?.getAttribute('data-fallback') === 'initials', await big.elementHandle(), { timeout: 15_000 });
  assert.equal(await big.innerText(), '王');
});
