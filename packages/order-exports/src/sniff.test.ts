import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { ExportFormatError } from './errors.ts';
import { isGbk, scanUtf8, sniffEncoding, sniffFormat } from './sniff.ts';

const text = '订单编号,买家会员名,收货地址\n123,张三,广东省 广州市 越秀区\n';

test('format from magic bytes', () => {
  assert.equal(sniffFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0])), 'xlsx');
  assert.equal(sniffFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])), 'xls');
  assert.equal(sniffFormat(Buffer.from(text)), 'csv');
  assert.equal(sniffFormat(iconv.encode(text, 'gbk')), 'csv');
});

test('not a table: images, documents, UTF-16, HTML disguised as xls, binaries', () => {
  const cases: [Buffer, RegExp][] = [
    [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), /PNG 图片/],
    [Buffer.from('%PDF-1.7'), /PDF/],
    [Buffer.from([0xff, 0xfe, 0x62, 0x8b]), /UTF-16/],
    [Buffer.from('<html><table><tr><td>订单号</td></tr></table>'), /HTML/],
    [Buffer.from([1, 2, 0, 4, 5]), /不是文本表格/],
  ];
  for (const [buf, re] of cases) assert.throws(() => sniffFormat(buf), (e: unknown) => e instanceof ExportFormatError && re.test(e.message));
});

test('encodings: BOM, UTF-8, GBK, GB18030', () => {
  assert.equal(sniffEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), true), 'utf-8-bom');
  assert.equal(sniffEncoding(Buffer.from(text), true), 'utf-8');
  assert.equal(sniffEncoding(Buffer.from('order_id,amount\n1,2\n'), true), 'utf-8'); // pure ASCII
  assert.equal(sniffEncoding(iconv.encode(text, 'gbk'), true), 'gbk');
  // 𫟅 (U+2B7C5) has no GBK code: GB18030 writes it with 4 bytes.
  assert.equal(sniffEncoding(iconv.encode(`${text}𫟅\n`, 'gb18030'), true), 'gb18030');
  // A GBK file with a byte no GBK character uses.
  assert.equal(sniffEncoding(Buffer.concat([iconv.encode(text, 'gbk'), Buffer.from([0xff, 0x0a])]), true), 'gb18030');
});

test('a multi-byte character cut at the end of the prefix is not an error', () => {
  const full = Buffer.from(text.repeat(50));
  for (let cut = full.length - 3; cut <= full.length; cut++) {
    const prefix = full.subarray(0, cut);
    assert.equal(sniffEncoding(prefix, false), 'utf-8', `cut at ${cut}`);
    assert.equal(scanUtf8(prefix, false).invalid, 0);
  }
  assert.ok(scanUtf8(Buffer.from([0xe8, 0xae]), true).invalid > 0); // at the real end it is an error
  const gbk = iconv.encode(text.repeat(50), 'gbk');
  assert.equal(isGbk(gbk.subarray(0, gbk.length - 1), false), true);
});

test('one damaged row does not turn a UTF-8 file into GB18030', () => {
  const damaged = Buffer.concat([Buffer.from(text.repeat(200)), Buffer.from([0x31, 0xff, 0xfe, 0x0a]), Buffer.from(text)]);
  assert.equal(sniffEncoding(damaged, true), 'utf-8');
});
