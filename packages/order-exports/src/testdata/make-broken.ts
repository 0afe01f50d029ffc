// Writes broken.gbk.csv: a GBK 订单报表 whose good rows must survive its bad ones. Imported by
// make-testdata.ts. The line of every row is fixed here and asserted in broken-file.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import * as H from './spec-headers.ts';
import { table } from './csv-table.ts';

const DIR = path.dirname(fileURLToPath(import.meta.url));

const order = (id: string, over: Record<string, string> = {}) => ({
  订单编号: id, 买家会员名: `buyer_${id}`, 买家应付货款: '10.00', 买家应付邮费: '0', 总金额: '10.00', 买家实际支付金额: '10.00', 订单状态: '交易成功',
  收货人姓名: '张三', 收货地址: '广东省 广州市 天河区 某路(510000)', 联系手机: "'13800138000", 订单创建时间: '2017-05-01 10:00:00', 订单付款时间: '2017-05-01 10:01:00', 退款金额: '0',
  ...over,
});

const gbk = (s: string) => iconv.encode(s, 'gbk');
const lines = table(H.TAOBAO_ORDERS_45, [
  order('100001'), // line 2: good
  order('100009', { 收货人姓名: 'BAD_BYTES' }), // line 3: a byte no GBK character has (patched below)
  order('100010'), // line 4: truncated (cut below)
  order('6.91793E+18'), // line 5: destroyed by Excel
  order('100002'), // line 6: good
  order('100001'), // line 7: duplicate of line 2
  order('100011', { 买家实际支付金额: '12元5角' }), // line 8: money that is not money
  order('100012', { 订单创建时间: '昨天' }), // line 9: a date that is not a date
  order('', { 买家会员名: 'no_id' }), // line 10: no order id
  order('100013', { 订单状态: '火星状态' }), // line 11: unknown status
  order('100003', { 买家留言: '第一行\r\n第二行' }), // lines 12–13: a quoted multi-line cell
  order('100004'), // line 14: good, its line number counts the line break above
])
  .split('\r\n')
  .filter(Boolean);
const truncated = lines[3].split(',').slice(0, 20).join(',');
const parts = lines.map((l, i) => (i === 3 ? gbk(truncated) : gbk(l)));
// Line 3: 0xFF is invalid in GBK/GB18030 and decodes to U+FFFD.
parts[2] = Buffer.concat(gbk(lines[2]).toString('latin1').split('BAD_BYTES').flatMap((s, i) => (i ? [Buffer.from([0xff, 0xfe]), Buffer.from(s, 'latin1')] : [Buffer.from(s, 'latin1')])));
// Line 15: an unclosed quote swallows the rest of the file.
parts.push(gbk('100005,"unterminated,10.00'));
const out = Buffer.concat(parts.flatMap((p) => [p, Buffer.from('\r\n')]));
fs.writeFileSync(path.join(DIR, 'broken.gbk.csv'), out);
