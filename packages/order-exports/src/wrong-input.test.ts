// Files that are not a known export throw ExportFormatError with a message an operator can act on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ExportFormatError, openExport } from './index.ts';
import { TESTDATA } from './testdata/read-all.ts';
import { orderFixtures } from './testdata/fixtures.ts';

const FIXTURE = `${orderFixtures()}/taobao-orders-2017-05.csv`;

async function refused(file: string, opts = {}): Promise<string> {
  try {
    await openExport(file, opts);
  } catch (e) {
    assert.ok(e instanceof ExportFormatError, `expected ExportFormatError, got ${String(e)}`);
    return e.message;
  }
  assert.fail(`${file} was accepted`);
}

test('an empty file, or one with nothing but a BOM and blank lines', async () => {
  assert.match(await refused(`${TESTDATA}empty.csv`), /文件是空的/);
  assert.match(await refused(`${TESTDATA}bom-only.csv`), /文件是空的/);
});

test('a PNG image', async () => {
  assert.match(await refused(`${TESTDATA}image.png`), /PNG 图片.*订单导出文件/);
});

test('a missing file', async () => {
  assert.match(await refused(`${TESTDATA}no-such-file.csv`), /找不到文件/);
});

test('a CSV with unknown headers names the closest format and the missing columns', async () => {
  const message = await refused(`${TESTDATA}unknown-headers.csv`);
  assert.match(message, /无法识别的订单导出文件/);
  assert.match(message, /没有订单导出的关键列/);
  assert.match(message, /文件的表头是：姓名、电话、地址、备注/);
  assert.match(message, /API 连接器/);
});

test('a file sharing some columns with a format says which ones it lacks', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-import-')), 'partial.csv');
  fs.writeFileSync(file, '订单编号,买家会员名,总金额\n1,a,2\n');
  const message = await refused(file);
  assert.match(message, /最接近的是「淘宝\/天猫 订单报表」，缺少列：买家实际支付金额\/买家实付金额、订单状态、订单创建时间/);
});

test('--platform jd on a Taobao file', async () => {
  const message = await refused(FIXTURE, { platform: 'jd' });
  assert.match(message, /指定的平台是「京东」/);
  assert.match(message, /淘宝\/天猫 订单报表/);
});

test('--platform tmall on a Taobao 订单报表 is fine (same export), and labels the records', async () => {
  const opened = await openExport(FIXTURE, { platform: 'tmall' });
  assert.equal(opened.detected.platform, 'tmall');
  for await (const row of opened.rows) {
    assert.equal(row.kind === 'order' && row.order.platform, 'tmall');
    break; // leaving early closes the file
  }
});

test('Kuaishou, Youzan, WeChat Shop have no known export: use their API connectors', async () => {
  for (const [platform, name] of [['kuaishou', '快手小店'], ['youzan', '有赞'], ['wechat_shop', '微信小店']] as const) {
    const message = await refused(FIXTURE, { platform });
    assert.match(message, new RegExp(`${name}.*API 连接器`));
  }
});

test('a zip that is not a workbook', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-import-')), 'fake.xlsx');
  // A zip local-file header followed by junk.
  fs.writeFileSync(file, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
  assert.match(await refused(file), /xlsx|文件/);
});
