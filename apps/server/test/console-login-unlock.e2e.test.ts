// The login lock in real headless Chromium: the login page says when to retry; an admin sees the
// lock on the staff list and lifts it.
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

const login = (account: string, password: string) =>
  fetch(`${srv.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account, password }) });

test('a locked account: the login page says when to retry; an admin unlocks it on the staff list', { timeout: 120_000 }, async () => {
  for (let i = 0; i < 5; i++) assert.equal((await login('s3@alpha', `bad-${i}`)).status, 401);

  await page.goto(`${srv.url}/login`);
  await page.getByTestId('login-account').fill('s3@alpha');
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByText(/已暂时锁定，请 15 分钟后再试（北京时间 .+ 以后）/).waitFor();
  await page.screenshot({ path: path.join(shots, 'login-locked.png') });

  await page.getByTestId('login-account').fill('boss@alpha');
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.goto(`${srv.url}/org`);
  const row = page.getByTestId('staff-table').locator('tr').filter({ hasText: '员工三' });
  await row.getByTestId('staff-login-locked').waitFor();
  assert.equal(await page.getByTestId('staff-login-locked').count(), 1, 'only the locked account is marked');
  await page.screenshot({ path: path.join(shots, 'org-locked.png') });

  await row.getByTestId('unlock-staff').click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await page.getByText('已解除「员工三」的登录锁定（1 处）').waitFor();
  await row.getByTestId('staff-login-locked').waitFor({ state: 'detached' });
  assert.equal((await login('s3@alpha', PASSWORD)).status, 200, 'the account logs in again');
});
