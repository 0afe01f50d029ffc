// The WeCom pages in real headless Chromium, as an admin connects a corp for the first time:
// fill in corp id, secret, token and key → save → test connection → set the callback URL in
// "WeCom" → sync now and watch the phases finish → a friend arrives by callback → the customer's
// WeCom card and the group list show it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, logInAs } from './helpers/browser.ts';
import { startSimulator, type RunningSimulator } from '@siyu/simulator';
import { createWecomClient } from '@siyu/wecom';
import { startTestServer, eventually, type TestServer } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';
import { ensureConsoleBuilt, consoleDist } from '../src/console-build.ts';

const shots = path.resolve('test-results');
const CORP = 'wwconsole0001';
const SECRET = 'console-app-secret-01';
const TOKEN = 'consoleToken';
const AES = 'ConsoleEncodingAesKey0123456789abcdefghijkl';
let srv: TestServer;
let sim: RunningSimulator;
let browser: Browser;
let page: Page;
let tenantId: string;

before(async () => {
  await ensureConsoleBuilt(() => undefined);
  sim = await startSimulator({ port: 0 });
  srv = await startTestServer({ consoleDir: consoleDist });
  tenantId = (await buildWorld(srv.deps)).alpha.tenantId;
  await sim.control.createCorp({ corpid: CORP, name: '阿尔法滋补', apps: [{ agentid: 1000002, secret: SECRET }] });
  await sim.control.addDepartments(CORP, [{ id: 2, name: '私域部', parentid: 1 }]);
  await sim.control.addMember(CORP, { userid: 'wangwu', name: '王五', department: [2] });
  const g = await sim.control.bulkLoad(CORP, {
    contacts: [{ name: '老客户甲', follow: [{ userid: 'wangwu', createtime: 1_720_000_000, state: 'pkgcard-01', add_way: 1 }] }],
  });
  await sim.control.createGroup(CORP, { owner: 'wangwu', name: '滋补交流群', external_userids: g.external_userids });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  fs.mkdirSync(shots, { recursive: true });
});
after(async () => {
  await browser?.close();
  await srv?.close();
  await sim?.stop();
});

test('connect a corp, sync, and see friends and groups arrive', { timeout: 180_000 }, async () => {
  await logInAs(page, srv.url, 'boss@alpha', PASSWORD);

  await page.goto(`${srv.url}/settings/wecom`);
  await page.getByTestId('wecom-corp-id').fill(CORP);
  await page.getByTestId('wecom-agent-id').fill('1000002');
  await page.getByTestId('wecom-base-url').fill(sim.url);
  await page.getByTestId('wecom-secret').fill(SECRET);
  await page.getByTestId('wecom-callback-token').fill(TOKEN);
  await page.getByTestId('wecom-aes-key').fill(AES);
  await page.getByTestId('wecom-save').click();
  await page.locator('[data-testid="wecom-status"][data-status="untested"]').waitFor();
  await page.getByTestId('wecom-test').click();
  await page.locator('[data-testid="wecom-test-result"][data-ok="true"]').waitFor();
  await page.locator('[data-testid="wecom-status"][data-status="connected"]').waitFor();

  // The operator copies the callback URL shown into WeCom's admin console; WeCom verifies it.
  const shown = await page.getByTestId('wecom-callback-url').innerText();
  assert.match(shown, new RegExp(`/callbacks/wecom/${tenantId}$`));
  await sim.control.setCallback(CORP, { url: `${srv.url}/callbacks/wecom/${tenantId}`, token: TOKEN, encoding_aes_key: AES });

  await page.getByTestId('sync-now').click();
  await page.locator('[data-testid="sync-status"][data-status="done"]').waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('[data-testid="sync-phase"][data-finished="true"]').count(), 6);
  await page.screenshot({ path: path.join(shots, 'wecom-settings.png'), fullPage: true });

  // A new friend by callback shows in the recent callbacks table.
  const wecom = createWecomClient({ corpId: CORP, secret: SECRET, baseUrl: sim.url });
  const way = await wecom.addContactWay({ type: 1, scene: 2, state: 'live-0618', user: ['wangwu'] });
  const u = await sim.control.createWechatUser(CORP, { name: '新朋友' });
  await sim.control.scanContactWay(CORP, { external_userid: u.external_userid, config_id: way.config_id });
  await page.getByTestId('callback-row').filter({ hasText: 'live-0618' }).first().waitFor({ timeout: 15_000 });

  const customerId = await eventually(async () => (await srv.deps.pool.query(`select customer_id from wecom_contacts where tenant_id = $1 and external_userid = $2`, [tenantId, u.external_userid])).rows[0]?.customer_id, 10_000, 'customer');
  await page.goto(`${srv.url}/customers/${customerId}`);
  const row = page.getByTestId('wecom-relation-row').first();
  await row.waitFor();
  const text = await row.innerText();
  assert.match(text, /王五/);
  assert.match(text, /live-0618/);
  assert.match(text, /扫描二维码/);
  await page.screenshot({ path: path.join(shots, 'customer-wecom.png'), fullPage: true });

  await page.goto(`${srv.url}/groups`);
  await page.getByTestId('group-row').filter({ hasText: '滋补交流群' }).click();
  await page.getByTestId('group-member-row').first().waitFor();
  assert.equal(await page.getByTestId('group-member-row').count(), 2, 'owner and customer');
  await page.screenshot({ path: path.join(shots, 'groups.png'), fullPage: true });
});
