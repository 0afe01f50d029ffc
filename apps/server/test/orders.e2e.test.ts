// Orders as an operator meets them, over real HTTP on a real database: upload the real export
// files (counts written down from the files with python's csv module — see each number), watch the
// import finish, re-import (nothing changes), a newer export (statuses and refunds update), a
// broken file (good rows in, each bad one reported, the Excel error file), orders and products,
// binding an order to a WeCom friend (and the merge it causes, undone), the match rate.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { startTestServer, eventually, type TestServer, type Client } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';
import { orderFixtures } from './helpers/fixtures.ts';

const FIX = orderFixtures();
const TESTDATA = path.resolve(import.meta.dirname, '../../../packages/order-exports/src/testdata');
let srv: TestServer;
let admin: Client;
let world: Awaited<ReturnType<typeof buildWorld>>;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-orders-e2e-'));

before(async () => {
  srv = await startTestServer();
  world = await buildWorld(srv.deps);
  admin = await srv.login('boss@alpha', PASSWORD);
});
after(async () => {
  await srv?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function upload(files: string[], fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([fs.readFileSync(f)]), path.basename(f));
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await fetch(`${srv.url}/api/imports`, { method: 'POST', headers: { cookie: admin.cookie }, body: form });
  const body = (await res.json()) as { id: string };
  assert.equal(res.status, 200, JSON.stringify(body));
  return eventually(async () => {
    const j = (await admin.get(`/api/imports/${body.id}`)).body;
    return j.status === 'done' || j.status === 'failed' ? j : null;
  }, 120_000, 'import finished');
}

test('the Taobao 订单报表 + 宝贝报表 pair imports with exact counts, and a second time changes nothing', { timeout: 180_000 }, async () => {
  const job = await upload([`${FIX}/taobao-orders-2017-05.csv`, `${FIX}/taobao-items-2017-05.csv`]);
  assert.equal(job.status, 'done', job.error);
  assert.deepEqual(job.files.map((f: { kind: string }) => f.kind), ['taobao_orders', 'taobao_items']);
  assert.deepEqual(job.summary, {
    rowsRead: 3989 + 21897, // csv rows after the header: 3,989 orders, 21,897 items
    ordersNew: 3989, ordersUpdated: 0, ordersUnchanged: 0,
    ordersFlagged: 3989, // every 订单编号 in the file has lost its last digits to Excel (17 digits ending 00, or 16 ending 0)
    items: 21897, productsNew: 327, skusNew: 470, // distinct 标题 (whitespace collapsed) and 商家编码
    customersNew: 3411, customersMatched: 0, // distinct 买家会员名
    rowsRejected: 0,
  });
  const again = await upload([`${FIX}/taobao-orders-2017-05.csv`, `${FIX}/taobao-items-2017-05.csv`]);
  assert.deepEqual({ ...again.summary }, { ...job.summary, ordersNew: 0, ordersUnchanged: 3989, items: 0, productsNew: 0, skusNew: 0, customersNew: 0, customersMatched: 3411 });
  const xls = await upload([`${FIX}/taobao-orders-2017-05.xls`]);
  assert.equal(xls.files[0].kind, 'taobao_orders');
  assert.equal(xls.summary.ordersUnchanged, 3989, 'the .xls original reads exactly as its CSV copy');
  const n = (await srv.deps.pool.query(`select count(*)::int as n, count(distinct customer_id)::int as c, sum(item_count)::int as i from orders where tenant_id = $1 and platform = 'taobao'`, [world.alpha.tenantId])).rows[0];
  assert.deepEqual(n, { n: 3989, c: 3411, i: 21897 });
});

test('the reduced Tmall report imports 28,010 orders; a newer export updates statuses, refunds and amounts', { timeout: 180_000 }, async () => {
  const job = await upload([`${FIX}/tmall-order-report-2020-02.csv`]);
  assert.equal(job.status, 'done', job.error);
  assert.equal(job.summary.ordersNew, 28010); // rows after the header
  assert.equal(job.summary.customersNew, 0, 'the reduced report names no buyer');
  const paid = (await srv.deps.pool.query(`select count(*)::int as n from orders where tenant_id = $1 and platform = 'tmall' and paid_at is not null`, [world.alpha.tenantId])).rows[0].n;
  assert.equal(paid, 24087); // rows with 订单付款时间
  // A newer export: three orders now refunded.
  const lines = fs.readFileSync(`${FIX}/tmall-order-report-2020-02.csv`, 'utf8').split('\n');
  const changed = lines.map((l, i) => (i >= 2 && i <= 4 ? l.replace(/,0\.0(\r?)$/, ',21.0$1') : l));
  fs.writeFileSync(path.join(tmp, 'tmall-newer.csv'), changed.join('\n'));
  const newer = await upload([path.join(tmp, 'tmall-newer.csv')], { platform: 'tmall' });
  assert.equal(newer.status, 'done', newer.error);
  assert.equal(newer.summary.ordersUpdated, 3, JSON.stringify(newer));
  assert.equal(newer.summary.ordersUnchanged, 28010 - 3);
  const refunded = (await srv.deps.pool.query(`select order_no, refund_fen from orders where tenant_id = $1 and platform = 'tmall' and order_no in ('2','3','4') order by order_no`, [world.alpha.tenantId])).rows;
  assert.deepEqual(refunded.map((r) => r.refund_fen), [2100, 2100, 2100]);
});

test('a broken file: good rows in, each bad row reported with its line and reason, downloadable as Excel (audited)', { timeout: 120_000 }, async () => {
  const job = await upload([`${TESTDATA}/broken.gbk.csv`]);
  assert.equal(job.status, 'done', job.error);
  assert.equal(job.summary.ordersNew, 4); // lines 2, 6, 12–13 and 14 of make-broken.ts are good
  assert.equal(job.summary.rowsRejected, 9);
  const rejects = (await admin.get(`/api/imports/${job.id}/rejects`)).body as Array<{ line: number; reason: string }>;
  // make-broken.ts: bad bytes, truncated, 6.91793E+18, duplicate, bad money, bad date, no id, unknown status, an unclosed quote at the end
  assert.deepEqual(rejects.map((r) => r.line).sort((a, b) => a - b), [3, 4, 5, 7, 8, 9, 10, 11, 15]);
  assert.match(rejects.find((r) => r.line === 5)!.reason, /科学计数法/);
  const res = await fetch(`${srv.url}/api/imports/${job.id}/rejects.xlsx`, { headers: { cookie: admin.cookie } });
  assert.equal(res.status, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  assert.equal(wb.worksheets[0].rowCount, 1 + 9);
  const audited = await srv.deps.pool.query(`select 1 from audit_log where tenant_id = $1 and action = 'orders.import.rejects.export' and target_id = $2`, [world.alpha.tenantId, job.id]);
  assert.equal(audited.rowCount, 1, 'downloading rows with personal data is audited');
  const png = await upload([`${TESTDATA}/image.png`]);
  assert.equal(png.status, 'failed');
  assert.ok(png.error && png.error.length > 5, 'a clear error for a file that is not an export');
});

test('orders, products and the customer page read back what was imported; staff see only their own', async () => {
  const list = (await admin.get('/api/orders?platform=taobao&limit=5')).body;
  assert.equal(list.items.length, 5);
  assert.ok(list.nextCursor);
  const second = (await admin.get(`/api/orders?platform=taobao&limit=5&cursor=${encodeURIComponent(list.nextCursor)}`)).body;
  assert.equal(second.items.filter((o: { id: string }) => list.items.some((x: { id: string }) => x.id === o.id)).length, 0, 'pages do not overlap');
  const refunds = (await admin.get('/api/orders?platform=taobao&refund=full&limit=100')).body.items.length + (await admin.get('/api/orders?platform=taobao&refund=partial&limit=100')).body.items.length;
  assert.equal(refunds, 46); // rows with 退款金额 > 0
  const detail = (await admin.get(`/api/orders/${list.items[0].id}`)).body;
  assert.ok(detail.items.length >= 1);
  assert.equal(detail.idSuspect, true);
  assert.doesNotMatch(JSON.stringify(detail), /(?<![\d-])1[3-9]\d{9}(?!\d)/, 'no full phone in an order view');
  const products = (await admin.get('/api/products?limit=100')).body;
  assert.equal(products.total, 327);
  const p = products.items[0];
  const edited = (await srv.login('lead1@alpha', PASSWORD)).patch(`/api/products/${p.id}`, { productLine: '玩具', tags: ['爆款'] });
  assert.equal((await edited).status, 200);
  const staff = await srv.login('s1@alpha', PASSWORD);
  assert.equal((await staff.get('/api/orders')).status, 403, 'the order list is for leads and admins');
  const customerId = detail.customerId;
  assert.equal((await staff.get(`/api/customers/${customerId}/orders`)).status, 404, 'not their customer');
  assert.equal((await staff.get(`/api/orders/${detail.id}`)).status, 404, "nor that customer's order");
  const own = (await admin.get(`/api/customers/${customerId}/orders`)).body;
  assert.ok(own.items.some((o: { id: string }) => o.id === detail.id));
});

test('binding: a Tmall order (no buyer) to a WeCom friend; an order of another customer merges them, and the merge can be undone', async () => {
  const friend = world.alpha.customers.c1.id;
  const bind = await admin.post('/api/bindings', { orderNo: '12345', platform: 'tmall', customerId: friend, consent: true });
  assert.equal(bind.status, 200, JSON.stringify(bind.body));
  assert.equal(bind.body.mergeId, null);
  assert.ok((await admin.get(`/api/customers/${friend}/orders`)).body.items.some((o: { orderNo: string }) => o.orderNo === '12345'));
  const noConsent = await admin.post('/api/bindings', { orderNo: '12346', platform: 'tmall', customerId: friend, consent: false });
  assert.equal(noConsent.status, 400, 'consent is required');
  const suspect = (await srv.deps.pool.query(`select order_no, customer_id from orders where tenant_id = $1 and platform = 'taobao' and id_suspect order by order_no limit 1`, [world.alpha.tenantId])).rows[0];
  assert.equal((await admin.post('/api/bindings', { orderNo: suspect.order_no, customerId: friend, consent: true })).status, 409, 'an id Excel destroyed is not bound');
  // A buyer's order whose buyer is another customer: bind through the H5 link → merge.
  await srv.deps.pool.query(`update orders set id_suspect = false where tenant_id = $1 and order_no = $2`, [world.alpha.tenantId, suspect.order_no]);
  const link = (await admin.post(`/api/customers/${friend}/bind-link`)).body;
  const token = new URL(link.url, srv.url).searchParams.get('t')!;
  const h5 = await fetch(`${srv.url}/api/h5/bind`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, orderNo: suspect.order_no, consent: true }) });
  assert.equal(h5.status, 200, await h5.clone().text());
  const merges = (await admin.get(`/api/customers/${friend}/merges`)).body;
  assert.equal(merges.length, 1);
  assert.equal(merges[0].mergedId, suspect.customer_id);
  const buyerOrders = Number((await srv.deps.pool.query(`select count(*) from orders where tenant_id = $1 and customer_id = $2`, [world.alpha.tenantId, friend])).rows[0].count);
  assert.ok(buyerOrders >= 2);
  assert.equal((await admin.get(`/api/customers?q=${encodeURIComponent('x')}`)).status, 200);
  const undo = await admin.post(`/api/merges/${merges[0].id}/undo`);
  assert.equal(undo.status, 200);
  assert.ok(undo.body.undoneAt);
  const back = Number((await srv.deps.pool.query(`select count(*) from orders where tenant_id = $1 and customer_id = $2`, [world.alpha.tenantId, suspect.customer_id])).rows[0].count);
  assert.ok(back >= 1, 'the buyer has their orders back');
  assert.equal((await srv.deps.pool.query(`select merged_into from customers where tenant_id = $1 and id = $2`, [world.alpha.tenantId, suspect.customer_id])).rows[0].merged_into, null);
  assert.equal((await admin.post(`/api/merges/${merges[0].id}/undo`)).status, 409, 'undone once');
  const bad = await fetch(`${srv.url}/api/h5/bind`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: token.slice(0, -2) + 'xx', orderNo: '12347', consent: true }) });
  assert.equal(bad.status, 403, 'a forged link is refused');
  const rate = (await admin.get('/api/commerce/match-rate')).body;
  assert.ok(rate.shops.length >= 2);
});

test('an import whose process died is failed by the sweep, its uploaded files removed; a live one is left alone', async () => {
  const { createImport, importDir, sweepStalledImports } = await import('../src/modules/commerce/index.ts');
  const tenantId = world.alpha.tenantId;
  const start = async (heartbeatAgo: string) => {
    const id = crypto.randomUUID();
    const dir = importDir(srv.deps, id);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'orders.csv');
    fs.writeFileSync(file, '订单编号\n1\n');
    await createImport(srv.deps, null, tenantId, { id, files: [{ name: 'orders.csv', path: file, bytes: 11 }] });
    await srv.deps.pool.query(`update order_imports set status = 'running', started_at = now() - interval '1 hour', heartbeat_at = now() - $3::interval where tenant_id = $1 and id = $2`, [tenantId, id, heartbeatAgo]);
    return { id, file };
  };
  const dead = await start('11 minutes');
  const live = await start('1 second');
  assert.ok((await sweepStalledImports(srv.deps)) >= 1);
  const job = (await admin.get(`/api/imports/${dead.id}`)).body;
  assert.equal(job.status, 'failed');
  assert.match(job.error, /导入中断.*请重新上传同样的文件/);
  assert.equal(fs.existsSync(dead.file), false, 'uploaded personal data is removed');
  assert.equal((await admin.get(`/api/imports/${live.id}`)).body.status, 'running');
  assert.equal(fs.existsSync(live.file), true);
  assert.equal(await sweepStalledImports(srv.deps), 0, 'a failed import is not swept twice');
  await srv.deps.pool.query(`update order_imports set status = 'failed' where tenant_id = $1 and id = $2`, [tenantId, live.id]);
});

test('an H5 binding link allows 10 tries an hour, counted across processes', async () => {
  const pg = (await import('pg')).default;
  const { bindOrderFromH5 } = await import('../src/flows/bind-order.flow.ts');
  const created = await admin.post('/api/customers', { name: 'H5 限流客户' }); // a link no other test has used
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const friend = created.body.id;
  const link = (await admin.post(`/api/customers/${friend}/bind-link`)).body;
  const token = new URL(link.url, srv.url).searchParams.get('t')!;
  const tryBind = (orderNo: string) => fetch(`${srv.url}/api/h5/bind`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, orderNo, consent: true }) });
  for (let i = 0; i < 9; i++) assert.equal((await tryBind(`no-such-order-${i}`)).status, 404);
  // A second process: its own pool on the same database sees the same count.
  const other = new pg.Pool({ connectionString: (srv.deps.pool as unknown as { options: { connectionString: string } }).options.connectionString, max: 1 });
  try {
    await assert.rejects(bindOrderFromH5({ ...srv.deps, pool: other }, { token, orderNo: 'no-such-order-9' }), (e: Error & { code?: string }) => { assert.notEqual(e.code, 'RATE_LIMITED', e.message); return true; });
    await assert.rejects(bindOrderFromH5({ ...srv.deps, pool: other }, { token, orderNo: 'no-such-order-10' }), (e: Error & { code?: string }) => { assert.equal(e.code, 'RATE_LIMITED', e.message); return true; });
  } finally {
    await other.end();
  }
  const limited = await tryBind('no-such-order-11');
  assert.equal(limited.status, 429);
  assert.match(JSON.stringify(await limited.json()), /尝试次数过多/);
});

test('a chunk the database refuses fails the import; chunks before it stay whole, nothing of it is half-written', async () => {
  const tenantId = world.alpha.tenantId;
  // Orders 900000001… in one Tmall report; the database refuses order 900005500 (in the second 5,000-order chunk).
  await srv.deps.pool.query(`create or replace function refuse_boom() returns trigger language plpgsql as $$
    begin if new.order_no = '900005500' then raise exception 'refused for the test'; end if; return new; end $$`);
  await srv.deps.pool.query(`create trigger refuse_boom before insert on orders for each row execute function refuse_boom()`);
  try {
    const rows = ['订单编号,总金额,买家实际支付金额,收货地址,订单创建时间,订单付款时间,退款金额'];
    for (let i = 1; i <= 12_000; i++) rows.push(`${900000000 + i},10.0,10.0,上海,2020-02-20 23:59:54,2020-02-21 00:00:02,0.0`);
    const file = path.join(tmp, 'refused.csv');
    fs.writeFileSync(file, rows.join('\n') + '\n');
    const job = await upload([file], { platform: 'tmall' });
    assert.equal(job.status, 'failed');
    assert.match(job.error, /refused for the test/);
    const stored = (await srv.deps.pool.query(`select count(*)::int as n, max(order_no) as last from orders where tenant_id = $1 and order_no like '9000%' and length(order_no) = 9`, [tenantId])).rows[0];
    assert.equal(stored.n % 5000, 0, `whole chunks only, got ${stored.n}`);
    assert.ok(stored.n === 5000, `the first chunk is kept, the refused one and those after it are not (got ${stored.n})`);
  } finally {
    await srv.deps.pool.query(`drop trigger refuse_boom on orders; drop function refuse_boom()`);
  }
});
