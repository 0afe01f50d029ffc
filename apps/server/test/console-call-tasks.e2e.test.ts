// The call pages in real headless Chromium: a lead sees the list's progress and per-staff numbers;
// a staff member works their queue — masked numbers and the filled script, a reveal (audited)
// that shows the number to call, an outcome that takes the task out of the queue, a call-back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, logInAs } from './helpers/browser.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';
import { buyerPhone, douyinRow, importDouyin } from './helpers/douyin-orders.ts';
import { ensureConsoleBuilt, consoleDist } from '../src/console-build.ts';

const shots = path.resolve('test-results');
let srv: TestServer;
let browser: Browser;
let world: Awaited<ReturnType<typeof buildWorld>>;
let listId: string;

before(async () => {
  await ensureConsoleBuilt(() => undefined);
  srv = await startTestServer({ consoleDir: consoleDist });
  world = await buildWorld(srv.deps);
  const admin = await srv.login('boss@alpha', PASSWORD);
  const shopId = (await admin.post('/api/shops', { platform: 'douyin', name: '抖店一号' })).body.id;
  await importDouyin(srv, admin.cookie, shopId, [
    douyinRow('7100000000000000011', 1, '2026-11-05 10:00:00', '已发货'),
    douyinRow('7100000000000000021', 2, '2026-11-06 10:00:00', '已完成'),
    douyinRow('7100000000000000031', 3, '2026-11-07 10:00:00', '已发货'),
    douyinRow('7100000000000000041', 4, '2026-11-08 10:00:00', '已发货'),
  ]);
  const lead = await srv.login('lead1@alpha', PASSWORD);
  const list = await lead.post('/api/call-lists', {
    name: '浏览器回访', shopIds: [shopId], from: '2026-11-01', to: '2026-11-30', statuses: ['shipped', 'completed'],
    script: '{客户姓名}您好，我是{员工姓名}', staff: [{ staffId: world.alpha.s1.staffId }, { staffId: world.alpha.s2.staffId }],
  });
  assert.equal(list.status, 200, JSON.stringify(list.body));
  listId = list.body.id;
  browser = await launchChromium();
  fs.mkdirSync(shots, { recursive: true });
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

async function loginPage(account: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' })).newPage();
  await logInAs(page, srv.url, account, PASSWORD);
  return page;
}

test('a staff member works their queue: masked numbers, an audited reveal, outcomes', { timeout: 120_000 }, async () => {
  const page = await loginPage('s1@alpha');
  await page.getByRole('menuitem', { name: '获客' }).click();
  await page.getByRole('menuitem', { name: '我的回访' }).click();
  await page.waitForURL((u) => u.pathname === '/acquisition/call-tasks');
  const cards = page.getByTestId('call-task');
  await cards.first().waitFor();
  assert.equal(await cards.count(), 2, 'round-robin: two of the four buyers are s1\'s (latest first: 4 and 2)');
  assert.equal(await cards.first().getByTestId('call-phone-masked').innerText(), '138****0004');
  assert.equal(await cards.first().getByTestId('call-script').innerText(), '买家4您好，我是员工一');
  assert.ok(!(await page.content()).includes(buyerPhone(4)), 'no full number before a reveal');

  await cards.first().getByTestId('call-reveal').click();
  await cards.first().getByTestId('call-phone-full').waitFor();
  assert.equal((await cards.first().getByTestId('call-phone-full').innerText()).trim(), buyerPhone(4));
  assert.equal(await cards.first().getByTestId('call-phone-full').getAttribute('href'), `tel:${buyerPhone(4)}`);
  const audited = await srv.deps.pool.query(`select count(*)::int as n from audit_log where tenant_id = $1 and action = 'call_task.phone.reveal' and actor_id = $2`, [world.alpha.tenantId, world.alpha.s1.staffId]);
  assert.equal(audited.rows[0].n, 1);
  await page.screenshot({ path: path.join(shots, 'call-tasks.png'), fullPage: true });

  await cards.first().getByTestId('call-outcome-reached').click();
  await cards.nth(1).waitFor({ state: 'detached' }); // out of the queue

  // Call back tomorrow: the task leaves the queue for 预约回拨.
  const last = cards.first();
  await last.getByTestId('call-outcome-callback').click();
  const when = new Date(Date.now() + 24 * 3600_000);
  const text = `${when.getFullYear()}-${String(when.getMonth() + 1).padStart(2, '0')}-${String(when.getDate()).padStart(2, '0')} 10:00`;
  const input = page.getByTestId('call-callback-at').locator('input').first().or(page.locator('input[data-testid="call-callback-at"]'));
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  await page.getByTestId('call-callback-confirm').click();
  await page.getByText('没有需要拨打的任务').waitFor();
  await page.getByTestId('call-task-views').getByText('预约回拨').click();
  await cards.first().waitFor();
  assert.match(await cards.first().innerText(), /预约 .* 10:00 回拨/);

  const rows = await srv.deps.pool.query(`select outcome, status from call_tasks where tenant_id = $1 and list_id = $2 and staff_id = $3 order by seq`, [world.alpha.tenantId, listId, world.alpha.s1.staffId]);
  assert.deepEqual(rows.rows, [{ outcome: 'reached', status: 'done' }, { outcome: 'callback', status: 'callback' }]);
});

test('a lead sees the list with its progress and the numbers per staff member', { timeout: 60_000 }, async () => {
  const page = await loginPage('lead1@alpha');
  await page.goto(`${srv.url}/acquisition/call-lists`);
  const table = page.getByTestId('call-lists-table');
  await table.getByText('浏览器回访').waitFor();
  assert.match(await table.innerText(), /已接通 1/);
  await table.getByText('浏览器回访').click();
  const stats = page.getByTestId('call-list-stats');
  await stats.getByText('员工一').waitFor();
  assert.match(await stats.innerText(), /员工一\s+2\s+0\s+1\s+0\s+0\s+0\s+1\s+0/);
  assert.equal(await page.getByTestId('call-list-export').getAttribute('href'), `/api/call-lists/${listId}/export.xlsx`);
  await page.screenshot({ path: path.join(shots, 'call-lists.png'), fullPage: true });
});
