// `siyu import orders FILE… [--shop …] [--platform …] [--tenant …] [--json] [--rejects out.xlsx]`:
// the same import as the console's, run in this process with a progress bar and a summary.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { loadConfig } from './config.ts';
import { prepare } from './main.ts';
import { findTenantBySlug, listTenants } from './modules/tenancy/index.ts';
import { createImport, runImport, writeRejectsXlsx, getImport, shopForImport, PLATFORMS, PLATFORM_NAMES, type Platform } from './modules/commerce/index.ts';
import { progressBar } from './cli-progress.ts';
import { shopIdByName } from './modules/commerce/index.ts';

const LABELS: Array<[string, string]> = [
  ['rowsRead', '读取行数'], ['ordersNew', '新订单'], ['ordersUpdated', '更新的订单'], ['ordersUnchanged', '未变化的订单'], ['ordersFlagged', '订单号疑似被 Excel 截断'],
  ['items', '商品明细'], ['productsNew', '新商品'], ['skusNew', '新 SKU'], ['customersNew', '新客户'], ['customersMatched', '匹配到已有客户'], ['rowsRejected', '被拒绝的行'],
];

export function registerImportCommand(program: Command, fail: (m: string) => never) {
  program.command('import').description('import data').command('orders')
    .description('import back-office order exports (Taobao/Tmall 订单报表 + 宝贝报表, JD, Douyin, Pinduoduo; CSV in UTF-8/GBK, .xlsx, .xls)')
    .argument('<files...>', 'export files; a Taobao export is often two files: give both')
    .option('--shop <name>', 'the shop (name or id); a new name is created with --platform; default: from the file, else one per platform')
    .addOption(new Option('--platform <platform>', 'the platform, when the file cannot tell').choices(PLATFORMS))
    .option('--tenant <slug>', 'the brand (tenant slug); default: the only brand, or demo')
    .option('--json', 'print the summary as JSON (for scripts)')
    .option('--rejects <file.xlsx>', 'write every rejected row with its line and reason to this Excel file')
    .action(async (files: string[], o: { shop?: string; platform?: Platform; tenant?: string; json?: boolean; rejects?: string }) => {
      for (const f of files) if (!fs.existsSync(f)) fail(`文件不存在：${f}`);
      const { deps, close } = await prepare(loadConfig());
      try {
        const tenant = await chooseTenant(deps, o.tenant, fail);
        let shopId = o.shop ? await shopIdByName(deps, tenant.tenant_id, o.shop, o.platform) : null;
        if (o.shop && !shopId) {
          if (!o.platform) fail(`店铺「${o.shop}」不存在：加上 --platform（${PLATFORMS.join(' / ')}）即可新建它，或不指定 --shop，按文件自动建店`);
          shopId = (await shopForImport(deps, tenant.tenant_id, { platform: o.platform, shopName: o.shop })).id;
          if (!o.json) console.log(`已新建店铺「${o.shop}」（${PLATFORM_NAMES[o.platform]}）`);
        }
        const importId = await createImport(deps, null, tenant.tenant_id, {
          files: files.map((f) => ({ name: path.basename(f), path: path.resolve(f), bytes: fs.statSync(f).size })), shopId, platform: o.platform ?? null,
        });
        const bar = o.json ? null : progressBar();
        const started = Date.now();
        let summary;
        try {
          summary = await runImport(deps, tenant.tenant_id, importId, (p) => bar?.update('导入', Math.round(p.bytesRead / 1024), Math.max(1, Math.round(p.bytesTotal / 1024))));
        } finally {
          bar?.stop();
        }
        const job = await getImport(deps, null, tenant.tenant_id, importId);
        if (o.rejects && summary.rowsRejected === 0 && !o.json) console.log(`没有被拒绝的行，未写入 ${o.rejects}`);
        if (o.rejects && summary.rowsRejected > 0) {
          const out = fs.createWriteStream(o.rejects);
          await writeRejectsXlsx(deps, null, tenant.tenant_id, importId, out);
          await new Promise<void>((r) => out.on('close', () => r()));
        }
        if (o.json) {
          console.log(JSON.stringify({ importId, shop: job.shopName, platform: job.platform, files: job.files, seconds: (Date.now() - started) / 1000, ...summary }));
          return;
        }
        console.log(`\n导入完成（${((Date.now() - started) / 1000).toFixed(1)} 秒）：${job.files.map((f) => `${f.name}〔${f.kind}，${f.encoding}〕`).join('、')} → ${job.shopName}`);
        // CJK characters take two terminal columns: pad by display width so the numbers line up.
        const width = (t: string) => Array.from(t).reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
        for (const [k, label] of LABELS) console.log(`  ${label}${' '.repeat(Math.max(1, 26 - width(label)))}${(summary as Record<string, number>)[k].toLocaleString().padStart(10)}`);
        if (summary.rowsRejected > 0) console.log(o.rejects ? `被拒绝的行已写入 ${o.rejects}` : '加上 --rejects 错误明细.xlsx 可导出每一行被拒绝的原因');
      } catch (err) {
        fail((err as Error).message);
      } finally {
        await close();
      }
    });
}

type Deps = Awaited<ReturnType<typeof prepare>>['deps'];

/**
 * The brand to import into: --tenant when given; else the only brand there is; else the demo.
 * On a fresh database with no brand, say how to create one.
 */
async function chooseTenant(deps: Deps, slug: string | undefined, fail: (m: string) => never) {
  if (slug) {
    const t = await findTenantBySlug(deps, slug);
    if (!t) fail(`企业标识 ${slug} 不存在（--tenant）`);
    return t;
  }
  const all = await listTenants(deps);
  if (all.length === 1) return all[0];
  const demo = all.find((t) => t.slug === 'demo');
  if (demo) return demo;
  if (all.length === 0) fail('还没有品牌：先用 siyu user create --account admin@我的品牌标识 --name 张三 --role owner --tenant-name "我的品牌" 创建，或用 npm start 打开演示品牌');
  return fail(`有多个品牌，请用 --tenant 指定：${all.map((t) => `${t.slug}（${t.name}）`).join('、')}`);
}
