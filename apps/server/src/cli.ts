// `siyu start | migrate | user create | user unlock | demo reset` — the operator's commands.
import { Command, Option } from 'commander';
import crypto from 'node:crypto';
import { loadConfig } from './config.ts';
import { prepare, startServer } from './main.ts';
import { createLogger } from './core/index.ts';
import { createTenant, createStaff, findTenantBySlug, parseAccount, unlockAccount } from './modules/tenancy/index.ts';
import fs from 'node:fs';
import { eraseTenant } from './db/erase-tenant.ts';
import { ensureDemoTenant, seedDemoTenant, startDemoWecom, goLive, simStateFile, DEMO_ACCOUNT, DEMO_PASSWORD, DEMO_SLUG, type DemoWecom } from './demo/index.ts';
import { ensureConsoleBuilt, consoleDist } from './console-build.ts';
import { progressBar } from './cli-progress.ts';
import { registerImportCommand } from './cli-import.ts';

const program = new Command('siyu').description('Siyu 私域 — private-domain SCRM on WeCom');

program.command('start')
  .description('run the HTTP server and workers (embedded PostgreSQL unless DATABASE_URL is set)')
  .option('--demo', 'create the demo brand on first start')
  .addOption(new Option('--port <port>', 'HTTP port (default: PORT or 3000)').argParser(Number))
  .addOption(new Option('--demo-customers <n>', 'customers in a newly created demo brand').argParser(Number).default(50_000))
  .option('--no-build', 'do not rebuild the console when its sources are newer than its build')
  .action(async (opts: { demo?: boolean; demoCustomers: number; port?: number; build: boolean }) => {
    const config = loadConfig(process.env, opts.port !== undefined ? { port: opts.port } : {});
    const log = createLogger(config.logLevel);
    if (opts.build) await ensureConsoleBuilt((m) => console.log(m));
    let demo: { tenantId: string; wecom: DemoWecom } | null = null;
    const running = await startServer(config, {
      consoleDir: consoleDist, log,
      beforeListen: opts.demo ? async (deps) => {
        const bar = progressBar();
        const res = await ensureDemoTenant(deps, { customers: opts.demoCustomers, onProgress: bar.update });
        bar.stop();
        if (res.created) console.log(`演示品牌已创建：${res.customers.toLocaleString()} 位客户`);
        demo = { tenantId: res.tenantId, wecom: await startDemoWecom(deps, res.tenantId, (m) => console.log(m)) };
      } : undefined,
    });
    const shutdown = async (signal: string) => {
      console.log(`\n${signal}: 正在停止 Siyu…`);
      const force = setTimeout(() => process.exit(1), 15_000);
      await running.stop();
      await demo?.wecom.stop();
      clearTimeout(force);
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    const live = demo as { tenantId: string; wecom: DemoWecom } | null;
    if (live) await goLive(running.deps, live.tenantId, live.wecom, running.url);
    console.log(`\nSiyu 已启动：${running.url}`);
    if (live) console.log(`企业微信模拟器：${live.wecom.sim.url}（演示企业已连接，新好友每分钟约 ${config.demoFriendsPerMinute} 位）`);
    console.log(`数据库：${config.databaseUrl ? 'DATABASE_URL' : `内置 PostgreSQL（${config.dataDir}/pg，端口 ${config.embeddedPgPort}）`}`);
    if (opts.demo) console.log(`演示账号：${DEMO_ACCOUNT}  密码：${DEMO_PASSWORD}`);
    console.log(`API 文档：${running.url}/api/docs\n`);
  });

program.command('migrate').description('apply database migrations and exit').action(async () => {
  const { close } = await prepare(loadConfig());
  console.log('数据库已是最新版本');
  await close();
});

const user = program.command('user').description('staff accounts');
user.command('create')
  .description('create a staff account, e.g. siyu user create --account admin@mybrand --name 张三 --role owner --tenant-name 我的品牌')
  .requiredOption('--account <username@tenant>', 'login name: username@tenant-slug')
  .requiredOption('--name <name>', 'display name')
  .addOption(new Option('--role <role>', 'role').choices(['owner', 'admin', 'operator_lead', 'staff']).default('staff'))
  .option('--password <password>', 'password (a random one is generated and printed when omitted)')
  .option('--tenant-name <name>', 'create the tenant (brand) when the slug does not exist yet')
  .action(async (o: { account: string; name: string; role: 'owner'; password?: string; tenantName?: string }) => {
    const parsed = parseAccount(o.account);
    if (!parsed) fail('账号格式应为 用户名@企业标识，例如 admin@mybrand');
    const { deps, close } = await prepare(loadConfig());
    try {
      let tenant = await findTenantBySlug(deps, parsed.slug);
      if (!tenant && !o.tenantName) fail(`企业标识 ${parsed.slug} 不存在；加上 --tenant-name "品牌名称" 以创建它`);
      const tenantId = tenant?.tenant_id ?? (await createTenant(deps, { slug: parsed.slug, name: o.tenantName! })).tenantId;
      const password = o.password ?? crypto.randomBytes(9).toString('base64url');
      await createStaff(deps, null, tenantId, { username: parsed.username, name: o.name, role: o.role, password });
      console.log(`已创建账号 ${o.account}（${o.role}）${o.password ? '' : `，密码：${password}`}`);
    } finally {
      await close();
    }
  });

user.command('unlock')
  .description('lift the login locks of an account (failures from any address or device), e.g. siyu user unlock --account admin@mybrand')
  .requiredOption('--account <username@tenant>', 'login name: username@tenant-slug')
  .action(async (o: { account: string }) => {
    if (!parseAccount(o.account)) fail('账号格式应为 用户名@企业标识，例如 admin@mybrand');
    const { deps, close } = await prepare(loadConfig());
    try {
      const { cleared } = await unlockAccount(deps, o.account);
      console.log(cleared ? `已解除 ${o.account} 的登录锁定（${cleared} 处）` : `${o.account} 当前没有登录锁定；失败计数已清零`);
    } finally {
      await close();
    }
  });

const demo = program.command('demo').description('the demo brand');
demo.command('reset')
  .description('delete the demo brand and create it again')
  .addOption(new Option('--customers <n>', 'number of customers').argParser(Number).default(50_000))
  .action(async (o: { customers: number }) => {
    const { deps, close } = await prepare(loadConfig());
    try {
      const existing = await findTenantBySlug(deps, DEMO_SLUG);
      if (existing) {
        await eraseTenant(deps.db, existing.tenant_id);
        fs.rmSync(simStateFile(deps.config.dataDir, existing.tenant_id), { force: true }); // the old corp goes with it
      }
      const bar = progressBar();
      const res = await seedDemoTenant(deps, { customers: o.customers, onProgress: bar.update });
      bar.stop();
      console.log(`演示品牌已重建：${res.customers.toLocaleString()} 位客户。账号 ${DEMO_ACCOUNT}，密码 ${DEMO_PASSWORD}`);
    } finally {
      await close();
    }
  });

program.command('sim')
  .description('run the WeCom simulator alone (the same API, quotas and signed callbacks as WeCom)')
  .addOption(new Option('--port <port>', 'HTTP port (default: SIYU_SIM_PORT or 54330)').argParser(Number))
  .option('--state <file>', 'keep the simulator state in this JSON file (survives restarts)')
  .action(async (o: { port?: number; state?: string }) => {
    const config = loadConfig();
    // Loaded only for this command (and the demo): the server itself never loads the simulator.
    const { startSimulator } = await import('@siyu/simulator');
    const sim = await startSimulator({ port: o.port ?? config.simPort, host: config.host, stateFile: o.state });
    console.log(`企业微信模拟器已启动：${sim.url}`);
    console.log(`  WeCom API：${sim.url}/cgi-bin/…    场景接口：${sim.url}/sim/…${o.state ? `    状态文件：${o.state}` : ''}`);
    const stop = async () => {
      await sim.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
  });

function fail(message: string): never {
  console.error(`错误：${message}`);
  process.exit(2);
}

registerImportCommand(program, fail);

program.parseAsync(process.argv).catch((err: Error) => {
  console.error(`错误：${err.message}`);
  process.exit(1);
});
