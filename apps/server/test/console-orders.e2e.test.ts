// The order pages in real headless Chromium: an operator uploads the two files of a Taobao
// export, watches the import finish, sees the summary, finds the orders, and a customer's page
// shows their orders from the import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, logInAs } from './helpers/browser.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';
import { orderFixtures } from './helpers/fixtures.ts';
import { ensureConsoleBuilt, consoleDist } from '../src/console-build.ts';

const FIX = orderFixtures();
const shots = path.resolve('test-results');
let srv: TestServer;
let browser: Browser;
let page: Page;

before(async () => {
  await ensureConsoleBuilt(() => undefined);
  srv = await startTestServer({ consoleDir: consoleDist });
  await buildWorld(srv.deps);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  fs.mkdirSync(shots, { recursive: true });
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

test('upload a Taobao export pair, see the summary, open the orders and a buyer', { timeout: 180_000 }, async () => {
  await logInAs(page, srv.url, 'boss@alpha', PASSWORD);

  await page.goto(`${srv.url}/commerce/imports`);
  await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles([`${FIX}/taobao-orders-2017-05.csv`, `${FIX}/taobao-items-2017-05.csv`]);
  await page.getByTestId('import-start').click();
  await page.locator('[data-testid="import-status"][data-status="done"]').waitFor({ timeout: 120_000 });
  const stat = async (k: string) => Number(await page.getByTestId(`import-stat-${k}`).getAttribute('data-value'));
  assert.equal(await stat('ordersNew'), 3989);
  assert.equal(await stat('items'), 21897);
  assert.equal(await stat('customersNew'), 3411);
  assert.equal(await stat('ordersFlagged'), 3989);
  await page.screenshot({ path: path.join(shots, 'import-done.png'), fullPage: true });

  await page.goto(`${srv.url}/commerce/orders`);
  const rows = page.getByTestId('order-row');
  await rows.first().waitFor();
  assert.ok((await rows.count()) >= 10);
  await rows.first().click();
  await page.getByTestId('order-detail').waitFor();
  await page.screenshot({ path: path.join(shots, 'order-detail.png'), fullPage: true });
  const customerLink = page.getByTestId('order-detail').locator('a[href^="/customers/"]').first();
  await customerLink.click();
  await page.getByTestId('customer-order-row').first().waitFor();
  assert.ok((await page.getByTestId('customer-order-row').count()) >= 1, "the buyer's page lists their orders");
});
