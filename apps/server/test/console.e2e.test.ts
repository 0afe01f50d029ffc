// The console in real headless Chromium, as an operator uses it:
// log in → customers → open one → add a tag → it shows (and stays after a reload).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './helpers/browser.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';
import { ensureConsoleBuilt, consoleDist } from '../src/console-build.ts';

const shots = path.resolve('test-results');
let srv: TestServer;
let browser: Browser;
let page: Page;

before(async () => {
  await ensureConsoleBuilt(() => undefined);
  srv = await startTestServer({ consoleDir: consoleDist });
  await buildWorld(srv.deps);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  fs.mkdirSync(shots, { recursive: true });
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

test('log in, open a customer, add a tag, see it', { timeout: 120_000 }, async () => {
  await page.goto(`${srv.url}/customers`);
  await page.waitForURL(/\/login/); // not logged in yet: the console sends us to the login page
  await page.getByTestId('login-account').fill('boss@alpha');
  await page.getByTestId('login-password').fill('wrong-password');
  await page.getByTestId('login-submit').click();
  await page.getByText('账号或密码错误').waitFor();
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));

  await page.goto(`${srv.url}/customers`);
  const rows = page.getByTestId('customer-row');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 4);
  assert.match(await page.getByTestId('customers-table').innerText(), /138\*\*\*\*5678/, 'phones are masked in the list');
  await page.screenshot({ path: path.join(shots, 'customers.png') });

  await rows.filter({ hasText: '王小芳' }).click();
  await page.getByTestId('customer-name').filter({ hasText: '王小芳' }).waitFor();
  assert.equal(await page.getByTestId('customer-tag').count(), 0);

  await page.getByTestId('add-tag-select').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '阿胶' }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('add-tag-submit').click();
  await page.getByTestId('customer-tags').getByText('阿胶').waitFor();
  await page.screenshot({ path: path.join(shots, 'customer-detail.png') });

  await page.reload();
  await page.getByTestId('customer-tags').getByText('阿胶').waitFor();
  const stored = await srv.deps.db.selectFrom('customer_tags').selectAll().execute();
  assert.equal(stored.length, 1, 'the tag is stored');
  // the timeline shows the assignment once the consumer has run
  await page.getByText('打上标签「阿胶」').waitFor({ timeout: 15_000 });
});
