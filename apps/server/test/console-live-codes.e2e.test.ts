// 获客 → 渠道活码 in real headless Chromium: an admin creates a code in the form (staff, cap,
// backup, tag, welcome), WeCom (the simulator) has the contact way; a scan shows in 今日添加;
// the QR preview loads; pausing turns the row to 已暂停 and WeCom's way is gone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, logInAs } from './helpers/browser.ts';
import { startSimulator, type RunningSimulator } from '@siyu/simulator';
import { createWecomClient, type WecomClient } from '@siyu/wecom';
import { startTestServer, eventually, type TestServer, type Client } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';
import { ensureConsoleBuilt, consoleDist } from '../src/console-build.ts';

const shots = path.resolve('test-results');
const CORP = 'wwconsolelc001';
const SECRET = 'console-livecode-secret';
const TOKEN = 'consoleLcToken';
const AES = 'ConsoleLiveCodeAesKey0123456789abcdefghijkl';
let srv: TestServer;
let sim: RunningSimulator;
let browser: Browser;
let page: Page;
let admin: Client;
let wecom: WecomClient;
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
  await c.addMember(CORP, { userid: 'zhangsan', name: '张三', department: [2] });
  await c.addMember(CORP, { userid: 'lisi', name: '李四', department: [2] });
  const saved = await admin.put('/api/wecom/connection', { corpId: CORP, agentId: 1000002, secret: SECRET, callbackToken: TOKEN, encodingAesKey: AES, baseUrl: sim.url });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  await c.setCallback(CORP, { url: `${srv.url}/callbacks/wecom/${tenantId}`, token: TOKEN, encoding_aes_key: AES });
  const started = await admin.post('/api/wecom/sync', { kind: 'incremental' });
  await eventually(async () => (await admin.get('/api/wecom/sync')).body.recent.find((x: { id: string; status: string }) => x.id === started.body.id && x.status === 'done'), 60_000, 'sync');
  wecom = createWecomClient({ corpId: CORP, secret: SECRET, baseUrl: sim.url });
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

/** Picks an option of an antd select by typing it (the dropdowns of earlier selects may still be fading out). */
async function pick(testId: string, option: string) {
  await page.getByTestId(testId).first().click();
  await page.keyboard.type(option);
  await page.locator('.ant-select-item-option-active').filter({ hasText: option }).waitFor();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.waitForFunction("document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').length === 0", undefined, { timeout: 3000 }).catch(() => undefined);
}

test('渠道活码: create in the form, a scan counts, QR preview, pause', async () => {
  await page.goto(`${srv.url}/acquisition/live-codes`);
  await page.getByText('还没有渠道活码').waitFor();
  await page.getByTestId('live-code-create').click();
  await page.getByTestId('live-code-name').fill('小红书笔记');
  await pick('live-code-staff', '张三');
  await page.getByTestId('live-code-cap').first().fill('50');
  await pick('live-code-backup', '李四');
  await pick('live-code-tags', '阿胶');
  await page.getByTestId('live-code-use-default').click();
  await page.getByTestId('live-code-form').getByTestId('live-code-welcome-text').fill('您好，我是您的专属顾问～');
  await page.screenshot({ path: path.join(shots, 'live-code-form.png') });
  await page.getByTestId('live-code-submit').click();

  const row = page.getByTestId('live-code-row').filter({ hasText: '小红书笔记' });
  await row.waitFor();
  assert.match(await row.innerText(), /使用中/);
  const code = (await admin.get('/api/live-codes')).body[0];
  assert.equal(code.staff[0].dailyCap, 50);
  assert.equal(code.welcome.text, '您好，我是您的专属顾问～');
  const way = (await wecom.getContactWay(code.configId)).contact_way;
  assert.deepEqual([way.remark, way.state, way.user], ['小红书笔记', code.state, ['zhangsan']]);

  const { external_userid } = await sim.control.createWechatUser(CORP, { name: '小鹿' });
  await sim.control.scanContactWay(CORP, { external_userid, config_id: code.configId });
  await eventually(async () => (await admin.get('/api/live-codes')).body[0].addsToday === 1, 10_000, 'add counted');
  await page.reload();
  await row.getByTestId('live-code-today').filter({ hasText: '1' }).waitFor();
  assert.match(await row.innerText(), /张三 1\/50/);

  await row.getByTestId('live-code-qr').click();
  const img = page.getByTestId('live-code-qr-modal').locator('img');
  await img.waitFor();
  await eventually(async () => (await img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)) > 0, 10_000, 'QR image loaded');
  await page.screenshot({ path: path.join(shots, 'live-code-qr.png') });
  await page.keyboard.press('Escape');

  await row.getByTestId('live-code-pause').click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await row.getByTestId('live-code-status').filter({ hasText: '已暂停' }).waitFor();
  await assert.rejects(wecom.getContactWay(code.configId), 'the WeCom way is gone while paused');
  await page.screenshot({ path: path.join(shots, 'live-codes.png') });
});
