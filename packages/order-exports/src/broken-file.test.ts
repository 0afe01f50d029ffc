// testdata/broken.gbk.csv (written by testdata/make-broken.ts): bad rows are rejected with their
// line, a specific reason and their raw text; the good rows around them are all parsed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readAll, TESTDATA } from './testdata/read-all.ts';

test('a broken GBK file: every bad row rejected, every good row kept', async () => {
  const { detected, orders, rejects } = await readAll(`${TESTDATA}broken.gbk.csv`);
  // The 0xFF byte is in the sniffed prefix, so the file is reported as GB18030 (not clean GBK).
  assert.deepEqual([detected.kind, detected.encoding], ['taobao_orders', 'gb18030']);
  assert.deepEqual(orders.map((o) => [o.orderId, o.line]), [['100001', 2], ['100002', 6], ['100003', 12], ['100004', 14]]);
  assert.equal(orders[2].buyerMessage, '第一行\r\n第二行');
  assert.deepEqual(rejects.map((r) => [r.line, r.reason]), [
    [3, '本行有无法按 gb18030 解码的字节（文件在这一行损坏）'],
    [4, '本行只有 20 列，表头有 45 列（行不完整，可能被截断）'],
    [5, '订单编号已被 Excel 改成科学计数法'],
    [7, '订单编号 100001 重复（第 2 行已有这个订单）'],
    [8, '买家实际支付金额：金额无法识别：12元5角'],
    [9, '订单创建时间：日期无法识别：昨天'],
    [10, '缺少订单编号'],
    [11, '无法识别的订单状态：火星状态'],
    [15, '引号没有闭合（从这一行到文件末尾都无法读取）'],
  ]);
  assert.ok(rejects[0].raw.startsWith('100009,buyer_100009,'));
  assert.ok(rejects[2].raw.startsWith('6.91793E+18,'));
  assert.ok(!rejects[1].raw.endsWith('\n') && !rejects[1].raw.endsWith('\r'));
  assert.ok(rejects.every((r) => r.raw.length <= 500));
});

test('raw text of a rejected row is capped at 500 characters', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-import-')), 'long.csv');
  fs.writeFileSync(file, `订单编号,总金额,买家实际支付金额,收货地址,订单创建时间,订单付款时间,退款金额\n1,${'9'.repeat(900)},0,上海,2020-02-21 00:00:00,,0\n`);
  const { rejects } = await readAll(file);
  assert.equal(rejects.length, 1);
  assert.equal(rejects[0].raw.length, 500);
  assert.match(rejects[0].reason, /^总金额：金额无法识别/);
});

test('a duplicate of a zero-tailed id warns that Excel may have merged two orders', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-import-')), 'dup.csv');
  const row = (id: string) => `${id},10.0,10.0,上海,2020-02-20 23:59:54,2020-02-21 00:00:02,0.0`;
  fs.writeFileSync(file, `订单编号,总金额,买家实际支付金额,收货地址,订单创建时间,订单付款时间,退款金额\n${row('21407300627014900')}\n${row('21407300627014900')}\n`);
  const { orders, rejects } = await readAll(file);
  assert.equal(orders.length, 1);
  assert.deepEqual(rejects.map((r) => r.line), [3]);
  assert.match(rejects[0].reason, /重复（第 2 行已有这个订单；这个编号已被 Excel 截断，可能是两个不同的订单/);
});

test('a quote closed mid-cell rejects its own line only, even with no other quote in the rest of a multi-chunk file', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-import-')), 'quotes.csv');
  const row = (id: number, addr = '上海') => `${id},10.0,10.0,${addr},2020-02-20 23:59:54,2020-02-21 00:00:02,0.0`;
  const lines = ['订单编号,总金额,买家实际支付金额,收货地址,订单创建时间,订单付款时间,退款金额'];
  for (let i = 1; i <= 40_000; i++) lines.push(row(i, i === 2 ? '"上海"浦东' : i === 30_000 ? '"北京"朝阳' : '上海')); // ~3 MB: several read chunks
  fs.writeFileSync(file, lines.join('\r\n') + '\r\n');
  const { orders, rejects } = await readAll(file);
  assert.deepEqual(rejects.map((r) => [r.line, r.reason]), [[3, 'CSV 格式错误（引号闭合后还有字符）'], [30_001, 'CSV 格式错误（引号闭合后还有字符）']]);
  assert.equal(orders.length, 39_998);
  assert.deepEqual(orders.slice(0, 2).map((o) => [o.orderId, o.line]), [['1', 2], ['3', 4]]);
  assert.deepEqual(orders.at(-1)?.line, 40_001, 'lines keep counting after each bad row');
});
