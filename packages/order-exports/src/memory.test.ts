// A 200,000-row GBK 订单报表 (~70 MB) streamed through openExport: memory must stay flat (not scale
// with the file) and bytesRead must advance for the progress bar.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { test } from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import iconv from 'iconv-lite';
import { openExport } from './index.ts';
import { table } from './testdata/csv-table.ts';
import { TAOBAO_ORDERS_45 } from './testdata/spec-headers.ts';

const ROWS = 200_000;

// V8 lets garbage pile up before a major GC, so raw RSS saws up and down by tens of MB whatever the
// parser does. A full GC at checkpoints keeps that noise small and lets the test see what is kept.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

async function writeBigFile(file: string): Promise<void> {
  const out = fs.createWriteStream(file);
  const header = table(TAOBAO_ORDERS_45, []);
  out.write(iconv.encode(header, 'gbk'));
  const titles = '儿童玩具水枪批发 夏季戏水沙滩玩具，创意回力小车惯性坦克 军事儿童玩具模型地摊货源';
  for (let start = 0; start < ROWS; start += 5000) {
    const rows = [];
    for (let i = start; i < start + 5000; i++) {
      rows.push({
        订单编号: String(3000000000000000000n + BigInt(i) * 7919n), 买家会员名: `买家${i % 50000}`, 买家支付宝账号: `buyer${i}@example.com`, 买家应付货款: `${(i % 997) + 1}.${i % 100}`,
        买家应付邮费: '5.00', 总金额: `${(i % 997) + 6}.${i % 100}`, 买家实际支付金额: `${(i % 997) + 6}.${i % 100}`, 订单状态: i % 10 === 0 ? '交易关闭' : '交易成功', 买家留言: i % 7 === 0 ? '请发顺丰，谢谢' : '',
        收货人姓名: `收货人${i}`, 收货地址: `广东省 深圳市 南山区 粤海街道科技园某某大厦${i % 300}号(518000)`, 运送方式: '快递', 联系手机: `'1380013${String(i % 10000).padStart(4, '0')}`,
        订单创建时间: `2019-${String((i % 12) + 1).padStart(2, '0')}-15 10:${String(i % 60).padStart(2, '0')}:00`, 订单付款时间: '2019/6/15 10:31', 宝贝标题: titles, 宝贝种类: '2', 物流单号: `No:${7000000000 + i}`,
        物流公司: '申通快递', 宝贝总数量: '3', 店铺Id: '0', 店铺名称: '0', 订单关闭原因: '订单未关闭', 卖家服务费: '0', 买家服务费: '0元', 是否手机订单: '手机订单', 退款金额: '0',
      });
    }
    // Drop the header line table() adds: only the data rows.
    const chunk = table(TAOBAO_ORDERS_45, rows);
    if (!out.write(iconv.encode(chunk.slice(chunk.indexOf('\r\n') + 2), 'gbk'))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

test('a 200,000-row GBK file streams in flat memory', { timeout: 240_000 }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-import-mem-'));
  const file = path.join(dir, 'ExportOrderList-big.csv');
  try {
    await writeBigFile(file);
    const size = fs.statSync(file).size;
    const opened = await openExport(file);
    assert.deepEqual([opened.detected.kind, opened.detected.encoding, opened.bytesTotal], ['taobao_orders', 'gbk', size]);
    let orders = 0;
    let rejects = 0;
    let baseline = 0;
    let peak = 0;
    const retained: number[] = [];
    const progress: number[] = [];
    for await (const row of opened.rows) {
      if (row.kind === 'order') orders++;
      else rejects++;
      const n = orders + rejects;
      if (n % 1_000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
      if (n % 20_000 === 0) {
        gc();
        const m = process.memoryUsage();
        if (n === 20_000) [baseline, peak] = [m.rss, m.rss]; // after warm-up (JIT, stream buffers)
        retained.push(m.heapUsed);
        progress.push(opened.bytesRead());
      }
    }
    assert.equal(orders, ROWS);
    assert.equal(rejects, 0);
    const growthMb = (peak - baseline) / 2 ** 20;
    const keptMb = (retained[retained.length - 1] - retained[0]) / 2 ** 20;
    t.diagnostic(`file ${(size / 2 ** 20).toFixed(0)} MB, ${ROWS} rows; RSS baseline ${(baseline / 2 ** 20).toFixed(0)} MB, peak growth ${growthMb.toFixed(1)} MB; heap kept ${keptMb.toFixed(1)} MB`);
    // Reading the file whole would cost several times its size (UTF-16 strings, 200k records).
    assert.ok(size > 60 * 2 ** 20, `test file is ${(size / 2 ** 20).toFixed(0)} MB`);
    assert.ok(growthMb < 60, `RSS grew by ${growthMb.toFixed(1)} MB while streaming a ${(size / 2 ** 20).toFixed(0)} MB file`);
    // What stays on the heap: only the duplicate-id table (~12 bytes a slot) may grow with the rows.
    assert.ok(keptMb < 20, `heap kept ${keptMb.toFixed(1)} MB more after ${ROWS} rows`);
    // Progress: strictly advancing while reading, and complete at the end.
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i] > progress[i - 1], 'bytesRead advances');
    assert.ok(progress[0] < size / 5);
    assert.equal(opened.bytesRead(), size);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
