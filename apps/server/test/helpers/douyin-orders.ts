// 抖店 export files written on the fly (the real header, full receiver phones), uploaded through
// /api/imports as an operator would: buyers with callable numbers for the call-list tests.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventually, type TestServer } from './server.ts';

const HEADER = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../packages/order-exports/src/testdata/douyin-orders.csv'), 'utf8')
  .split('\n')[0].replace(/^\uFEFF/, '').trim().split(',');

/** Buyer n's phone: 1380000000n. */
export const buyerPhone = (n: number) => `1380000000${n}`;

/** A 抖店 export row: one order of buyer `buyer` (receiver 买家<n>, phone buyerPhone(n)). */
export function douyinRow(orderNo: string, buyer: number, at: string, status: string, title = '阿胶糕 500g') {
  const v: Record<string, string> = {
    主订单编号: `\t${orderNo}`, 子订单编号: `\t${orderNo}1`, 选购商品: title, 商品数量: '1', 商品单价: '99.00', 订单应付金额: '99.00', 运费: '0.00',
    收件人: `买家${buyer}`, 收件人手机号: buyerPhone(buyer), 省: '浙江省', 市: '杭州市', 区: '西湖区', 订单提交时间: at, 支付完成时间: at, 订单状态: status,
  };
  return HEADER.map((h) => v[h] ?? '').join(',');
}

/** Uploads the rows as one export of `shopId` (with an operator's session cookie) and waits for the import. */
export async function importDouyin(srv: TestServer, cookie: string, shopId: string, rows: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-douyin-'));
  try {
    const file = path.join(dir, 'douyin.csv');
    fs.writeFileSync(file, `\uFEFF${HEADER.join(',')}\n${rows.join('\n')}\n`);
    const form = new FormData();
    form.append('file', new Blob([fs.readFileSync(file)]), 'douyin.csv');
    form.append('shopId', shopId);
    const res = await fetch(`${srv.url}/api/imports`, { method: 'POST', headers: { cookie }, body: form });
    const body = (await res.json()) as { id: string };
    assert.equal(res.status, 200, JSON.stringify(body));
    const job = await eventually(async () => {
      const r = await fetch(`${srv.url}/api/imports/${body.id}`, { headers: { cookie } });
      const j = (await r.json()) as { status: string; error?: string };
      return j.status === 'done' || j.status === 'failed' ? j : null;
    }, 60_000, 'import');
    assert.equal(job.status, 'done', job.error);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
