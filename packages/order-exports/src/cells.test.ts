import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cleanText,
  excelSerialToDate,
  isSuspectId,
  numberText,
  parseCount,
  parseMoneyFen,
  parseOrderId,
  parseShanghaiDate,
} from './cells.ts';
import { CellError } from './errors.ts';

test('cleanText trims and strips export wrappers', () => {
  assert.equal(cleanText('  收货地址 '), '收货地址');
  assert.equal(cleanText('\uFEFF订单编号'), '订单编号');
  assert.equal(cleanText('="21407300627014900"'), '21407300627014900');
  assert.equal(cleanText('="\t6917926768823643751"'), '6917926768823643751');
  assert.equal(cleanText("'010-58758375"), '010-58758375');
  assert.equal(cleanText('\t6917926768823643751'), '6917926768823643751');
  assert.equal(cleanText('21407300627014900 '), '21407300627014900');
  assert.equal(cleanText('="a""b"'), 'a"b');
  assert.equal(cleanText('颜色分类：小号'), '颜色分类：小号');
});

test('cleanText: the spellings of empty are null', () => {
  for (const v of ['', '   ', '-', '--', '#NULL!', '#N/A', "'", '=""', null, undefined]) assert.equal(cleanText(v), null, String(v));
  assert.equal(cleanText('0'), '0'); // zero is a value
});

test('cleanText of spreadsheet values', () => {
  assert.equal(cleanText(1425), '1425');
  assert.equal(cleanText(58.51), '58.51');
  assert.equal(cleanText(true), '是');
  assert.equal(cleanText(Number.NaN), null);
  // A number cell holding an 18-digit id: Excel kept 15 significant digits, the text shows the zeros.
  assert.equal(numberText(6917926768823643751), '6917926768823640000');
  assert.equal(numberText(2140730062701490), '2140730062701490');
});

test('money → fen, exactly', () => {
  assert.equal(parseMoneyFen('58.51'), 5851);
  assert.equal(parseMoneyFen('58.51元'), 5851);
  assert.equal(parseMoneyFen('0元'), 0);
  assert.equal(parseMoneyFen('¥12.00'), 1200);
  assert.equal(parseMoneyFen('￥12'), 1200);
  assert.equal(parseMoneyFen('1,234.50'), 123450);
  assert.equal(parseMoneyFen('RMB 3.5'), 350);
  assert.equal(parseMoneyFen('0.0'), 0);
  assert.equal(parseMoneyFen('.5'), 50);
  assert.equal(parseMoneyFen('-2.98'), -298);
  assert.equal(parseMoneyFen('="178.80"'), 17880);
  assert.equal(parseMoneyFen('0.29'), 29); // 0.29 * 100 = 28.999999999999996 as a float
  assert.equal(parseMoneyFen('1.005'), 101); // half up on the third decimal
  assert.equal(parseMoneyFen('1.004'), 100);
  assert.equal(parseMoneyFen('99999999.99'), 9999999999);
  assert.equal(parseMoneyFen(58.51), 5851);
  assert.equal(parseMoneyFen(0.1 + 0.2), 30);
  assert.equal(parseMoneyFen(1e-7), 0);
  for (const v of ['', '-', '--', '#NULL!', null]) assert.equal(parseMoneyFen(v), null);
});

test('unreadable money throws a CellError with the value', () => {
  for (const v of ['abc', '12.3.4', '1e5', '￥', '12元5角']) {
    assert.throws(() => parseMoneyFen(v), (e: unknown) => e instanceof CellError && e.message.includes(v.trim()), v);
  }
});

test('counts', () => {
  assert.equal(parseCount('12'), 12);
  assert.equal(parseCount(12), 12);
  assert.equal(parseCount('3.0'), 3);
  assert.equal(parseCount('1,200'), 1200);
  assert.equal(parseCount('-'), null);
  assert.throws(() => parseCount('1.5'), CellError);
  assert.throws(() => parseCount('两件'), CellError);
});

test('dates are Asia/Shanghai wall times', () => {
  const iso = (v: Parameters<typeof parseShanghaiDate>[0]) => parseShanghaiDate(v)?.toISOString();
  assert.equal(iso('2017/5/30 23:18'), '2017-05-30T15:18:00.000Z');
  assert.equal(iso('2020-02-21 00:00:02'), '2020-02-20T16:00:02.000Z');
  assert.equal(iso('2015-12-31 23:19:56'), '2015-12-31T15:19:56.000Z');
  assert.equal(iso('2021-03-05'), '2021-03-04T16:00:00.000Z');
  assert.equal(iso('2021/3/5'), '2021-03-04T16:00:00.000Z');
  assert.equal(iso('2017/5/9 9:47'), '2017-05-09T01:47:00.000Z');
  assert.equal(iso('2021-03-05T10:00:00'), '2021-03-05T02:00:00.000Z');
  assert.equal(iso('2021-03-05 10:00:00.5'), '2021-03-05T02:00:00.500Z');
  assert.equal(iso('2021年3月5日 10:00'), '2021-03-05T02:00:00.000Z');
  assert.equal(iso('2021-03-05T10:00:00Z'), '2021-03-05T10:00:00.000Z'); // explicit offsets win
  assert.equal(iso('2021-03-05 10:00:00+09:00'), '2021-03-05T01:00:00.000Z');
  assert.equal(iso("'2021-03-05 10:00:00"), '2021-03-05T02:00:00.000Z');
  for (const v of ['', '-', null]) assert.equal(parseShanghaiDate(v), null);
});

test('Excel serials and spreadsheet Dates', () => {
  // 42885.97083333 is 2017-05-30 23:18 in the 1900 date system.
  assert.equal(parseShanghaiDate(42885 + (23 * 60 + 18) / 1440)?.toISOString(), '2017-05-30T15:18:00.000Z');
  assert.equal(parseShanghaiDate(42885 + (23 * 60 + 18) / 1440 - 1462, { date1904: true })?.toISOString(), '2017-05-30T15:18:00.000Z');
  assert.equal(excelSerialToDate(25569).toISOString(), '1969-12-31T16:00:00.000Z');
  assert.equal(parseShanghaiDate('42885.5')?.toISOString(), '2017-05-30T04:00:00.000Z'); // serial that lost its format
  assert.equal(parseShanghaiDate(0), null);
  // exceljs/SheetJS hand out Dates whose UTC fields are the wall time (and may be a millisecond off).
  assert.equal(parseShanghaiDate(new Date(Date.UTC(2017, 4, 30, 23, 17, 59, 999)))?.toISOString(), '2017-05-30T15:18:00.000Z');
  assert.equal(parseShanghaiDate('1588888888')?.toISOString(), '2020-05-07T22:01:28.000Z');
});

test('impossible or unknown dates throw', () => {
  for (const v of ['2021-02-30 10:00:00', '2021-13-01', '2021-03-05 24:00', '昨天', '2026/9/10 8:00:00 PM', '5/30/2017']) {
    assert.throws(() => parseShanghaiDate(v), CellError, v);
  }
  assert.throws(() => parseShanghaiDate(-5), CellError);
});

test('order ids: scientific notation is destroyed, zero tails are suspect', () => {
  assert.throws(() => parseOrderId('6.91793E+18'), (e: unknown) => e instanceof CellError && e.message === '订单编号已被 Excel 改成科学计数法');
  assert.throws(() => parseOrderId('6.91793e18'), CellError);
  assert.deepEqual(parseOrderId('21407300627014900 '), { id: '21407300627014900', suspect: true });
  assert.deepEqual(parseOrderId('2427048826908123'), { id: '2427048826908123', suspect: false });
  assert.deepEqual(parseOrderId('2427048826908100'), { id: '2427048826908100', suspect: true });
  assert.deepEqual(parseOrderId('="3215846501234567890"'), { id: '3215846501234567890', suspect: false });
  assert.deepEqual(parseOrderId('\t6917926768823643751'), { id: '6917926768823643751', suspect: false });
  assert.deepEqual(parseOrderId('200101-123456789012'), { id: '200101-123456789012', suspect: false });
  assert.deepEqual(parseOrderId('123456789012345.0'), { id: '123456789012345', suspect: false });
  assert.deepEqual(parseOrderId(6917926768823643751), { id: '6917926768823640000', suspect: true });
  assert.equal(parseOrderId('-'), null);
  assert.equal(isSuspectId('100000000000000'), false); // 15 digits: Excel keeps them all
  assert.equal(isSuspectId('1000000000000000'), true);
});
