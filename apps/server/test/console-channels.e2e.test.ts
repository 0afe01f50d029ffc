// Channel live codes by name in real headless Chromium: after a sync, the customer list's source
// column, the customer's WeCom card and the timeline say 「包裹卡（全店通用）」, never the raw state
// pkgcard-2026 (which stays in a tooltip); a state WeCom never named reads 渠道 <state>.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, logInAs } from './helpers/browser.ts';
import { startSimulator, type RunningSimulator } from '@siyu/simulator';
import { createWecomClient } from '@siyu/wecom';
import { startTestServer, eventually, type TestServer, type Client } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';
import { ensureConsoleBuilt, consoleDist } from '../src/console-build.ts';

const shots = path.resolve('test-results');
const CORP = 'wwconsolech001';
const SECRET = 'console-channels-secret';
const TOKEN = 'consoleChToken';
const AES = 'ConsoleChannelsAesKey0123456789abcdefghijkl';
let srv: TestServer;
let sim: RunningSimulator;
let browser: Browser;
let page: Page;
let admin: Client;
let tenantId: string;

before(async () => {
  await ensureConsoleBuilt(() => undefined);
  sim = await startSimulator({ port: 0 });
  srv = await startTestServer({ consoleDir: consoleDist });
  tenantId = (await buildWorld(srv.deps)).alpha.tenantId;
  admin = await srv.login('boss@alpha', PASSWORD);
  const c = sim.control;
  await c.createCorp({ corpid: CORP, name: '阿尔法滋补', apps: [{ agentid: 1000002, secret: SECRET }] });
  await c.addDepartments(CORP, [{ id: 2, name: '私域部', parentid: 1 }]);
  await c.addMember(CORP, { userid: 'wangwu', name: '王五', department: [2] });
  const wecom = createWecomClient({ corpId: CORP, secret: SECRET, baseUrl: sim.url });
  await wecom.addContactWay({ type: 1, scene: 2, state: 'pkgcard-2026', remark: '包裹卡（全店通用）', user: ['wangwu'] });
  await wecom.addContactWay({ type: 1, scene: 2, state: 'sms-tb', remark: '淘宝订单短信', user: ['wangwu'] });
  await c.bulkLoad(CORP, {
    contacts: [
      { name: '包裹卡客户', follow: [{ userid: 'wangwu', createtime: 1_720_000_000, state: 'pkgcard-2026', add_way: 1 }] },
      { name: '短信客户', follow: [{ userid: 'wangwu', createtime: 1_720_000_100, state: 'sms-tb', add_way: 1 }] },
      { name: '柜台客户', follow: [{ userid: 'wangwu', createtime: 1_720_000_200, state: 'counter-qr', add_way: 1 }] },
    ],
  });
  const saved = await admin.put('/api/wecom/connection', { corpId: CORP, agentId: 1000002, secret: SECRET, callbackToken: TOKEN, encodingAesKey: AES, baseUrl: sim.url });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  await c.setCallback(CORP, { url: `${srv.url}/callbacks/wecom/${tenantId}`, token: TOKEN, encoding_aes_key: AES });
  const started = await admin.post('/api/wecom/sync', { kind: 'incremental' });
  await eventually(async () => (await admin.get('/api/wecom/sync')).body.recent.find((x: { id: string; status: string }) => x.id === started.body.id && x.status === 'done'), 60_000, 'sync');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  fs.mkdirSync(shots, { recursive: true });
  await logInAs(page, srv.url, 'boss@alpha', PASSWORD);
});
after(async () => {
  await browser?.close();
  await srv?.close();
  await sim?.stop();
});

test('the customer list names the channel, not its state', { timeout: 60_000 }, async () => {
  await page.goto(`${srv.url}/customers`);
  const source = page.locator('[data-testid="customer-source"][data-state="pkgcard-2026"]');
  await source.waitFor();
  assert.equal(await source.innerText(), '包裹卡（全店通用）');
  assert.equal(await page.locator('[data-testid="customer-source"][data-state="sms-tb"]').innerText(), '淘宝订单短信');
  assert.equal(await page.locator('[data-testid="customer-source"][data-state="counter-qr"]').innerText(), '渠道 counter-qr', 'an unnamed state falls back');
  const table = await page.locator('.ant-table').first().innerText();
  assert.doesNotMatch(table, /pkgcard-2026|sms-tb/, 'no raw state in the list');
  // The raw state is one hover away.
  await source.hover();
  await page.locator('.ant-tooltip').filter({ hasText: 'pkgcard-2026' }).waitFor();
  await page.screenshot({ path: path.join(shots, 'channels-customer-list.png') });
});

test('the customer page: WeCom card and timeline name the channel', { timeout: 60_000 }, async () => {
  const c = (await admin.get(`/api/customers?q=${encodeURIComponent('包裹卡客户')}`)).body.items[0];
  await page.goto(`${srv.url}/customers/${c.id}`);
  const row = page.getByTestId('wecom-relation-row').first();
  await row.waitFor();
  assert.match(await row.locator('[data-testid="channel-name"]').innerText(), /^包裹卡（全店通用）\s+pkgcard-2026$/, 'the name, with the state as secondary text');
  const title = page.locator('[data-testid="timeline-title"][data-state="pkgcard-2026"]');
  await title.waitFor();
  assert.equal(await title.innerText(), '通过「包裹卡（全店通用）」添加为好友（王五）');
  assert.doesNotMatch(await page.getByTestId('customer-timeline').innerText(), /pkgcard-2026/);
  assert.match(await page.getByTestId('customer-name').locator('..').innerText(), /包裹卡（全店通用）/, 'the header tag names the channel');
  await page.screenshot({ path: path.join(shots, 'channels-customer-detail.png'), fullPage: true });
});

test('in English, an unnamed state reads "Channel <state>"', { timeout: 60_000 }, async () => {
  await page.evaluate("localStorage.setItem('siyu.lang', 'en-US')");
  await page.goto(`${srv.url}/customers`);
  const unknown = page.locator('[data-testid="customer-source"][data-state="counter-qr"]');
  await unknown.waitFor();
  assert.equal(await unknown.innerText(), 'Channel counter-qr');
  assert.equal(await page.locator('[data-testid="customer-source"][data-state="pkgcard-2026"]').innerText(), '包裹卡（全店通用）', 'names are the corp’s own words');
  await page.evaluate("localStorage.removeItem('siyu.lang')");
});
