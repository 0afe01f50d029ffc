// The demo's WeCom: the bundled simulator runs beside Siyu, holds the demo brand's corp (same
// staff, friends and groups), is connected to the demo tenant like a real corp (secret, callback
// token and AES key; callbacks to Siyu's URL) and keeps sending new friends at a gentle rate
// through the demo's channel live codes. Its state lives in the data directory, one file per
// demo tenant, so a restart continues and a `demo reset` starts a fresh corp.
import fs from 'node:fs';
import path from 'node:path';
import type { RunningSimulator } from '@siyu/simulator';
import { createWecomClient } from '@siyu/wecom';
import type { Deps } from '../deps.ts';
import { AppError } from '../core/index.ts';
import { linkWecomOrg, saveConnection, testConnection, requestSync, syncRunsExist, hasWecomConnection, ownerActor } from './ports.ts';
import { readDemoWecom, DEMO_CHANNELS } from './wecom-seed.ts';
import { goLiveShop } from './shop-live.ts';
import { DEMO_CORP_ID, DEMO_NAME } from './brand.ts';

const AGENT_ID = 1000002;

export type DemoWecom = { sim: RunningSimulator; stop: () => Promise<void> };

/** Demo secrets derived from the master key: stable across restarts, different on every install. */
function demoSecrets(deps: Deps, tenantId: string) {
  const h = (p: string) => deps.pii.hash(`demo-wecom-${p}`, tenantId);
  return { secret: h('secret').slice(0, 43), token: h('token').slice(0, 24), aesKey: h('aes').slice(0, 43) };
}

export const simStateFile = (dataDir: string, tenantId: string) => path.join(dataDir, 'wecom-sim', `${tenantId}.json`);

async function startSim(deps: Deps, stateFile: string): Promise<RunningSimulator> {
  fs.mkdirSync(path.dirname(stateFile), { recursive: true });
  // Loaded here, not at the top: a server without --demo never loads the simulator.
  const { startSimulator } = await import('@siyu/simulator');
  try {
    return await startSimulator({ port: deps.config.simPort, host: '127.0.0.1', stateFile });
  } catch (err) {
    if ((err as { code?: string }).code !== 'EADDRINUSE') throw err;
    deps.log.warn({ port: deps.config.simPort }, 'simulator port in use; using a free port');
    return startSimulator({ port: 0, host: '127.0.0.1', stateFile });
  }
}

/** Starts the simulator and seeds it from the demo tenant when it is new. Call before Siyu listens. */
export async function startDemoWecom(deps: Deps, tenantId: string, log: (m: string) => void): Promise<DemoWecom> {
  const sim = await startSim(deps, simStateFile(deps.config.dataDir, tenantId));
  const { secret, token, aesKey } = demoSecrets(deps, tenantId);
  const c = sim.control;
  const { created } = await c.createCorp({ corpid: DEMO_CORP_ID, name: DEMO_NAME, apps: [{ agentid: AGENT_ID, secret }] });
  if (created || (await c.snapshot(DEMO_CORP_ID)).members === 0) {
    log('正在准备演示企业微信（模拟器）…');
    const data = await readDemoWecom(deps, tenantId, DEMO_NAME);
    await c.addDepartments(DEMO_CORP_ID, data.departments.filter((d) => d.id !== 1));
    await c.bulkLoad(DEMO_CORP_ID, { members: data.members, contacts: data.contacts, groups: data.groups });
    await linkWecomOrg(deps, tenantId, { departments: data.deptLinks, staff: data.staffLinks });
    // The channel live codes (渠道活码) the demo's sources came through, made with the real client.
    const client = createWecomClient({ corpId: DEMO_CORP_ID, secret, baseUrl: sim.url });
    const oneToOne = data.members.filter((m) => m.customer_contact !== false && /^(zhaomin|wangfang|zhangtingting|huangyaqin|wuqian|yangxinyi|xudandan|mahuimin)$/.test(m.userid)).map((m) => m.userid);
    for (const ch of Object.values(DEMO_CHANNELS)) {
      if (ch) await client.addContactWay({ type: 2, scene: 2, state: ch.state, remark: ch.remark.slice(0, 30), user: oneToOne.length ? oneToOne : [data.members[1].userid] });
    }
    log(`演示企业微信已就绪：${data.members.length} 位成员，${data.contacts.length.toLocaleString()} 位好友，${data.groups.length} 个客户群`);
  }
  const owner = await ownerActor(deps, tenantId);
  const conn = await hasWecomConnection(deps, tenantId);
  if (!conn || conn.baseUrl !== sim.url) {
    await saveConnection(deps, owner, { corpId: DEMO_CORP_ID, agentId: AGENT_ID, baseUrl: sim.url, secret, callbackToken: token, encodingAesKey: aesKey });
  }
  return { sim, stop: () => sim.stop() };
}

/** Once Siyu listens: point the corp's callbacks at it (WeCom verifies the URL), sync, and let friends arrive. */
export async function goLive(deps: Deps, tenantId: string, demo: DemoWecom, siyuUrl: string): Promise<void> {
  const { token, aesKey, secret } = demoSecrets(deps, tenantId);
  const c = demo.sim.control;
  await c.setCallback(DEMO_CORP_ID, { url: `${siyuUrl.replace('localhost', '127.0.0.1')}/callbacks/wecom/${tenantId}`, token, encoding_aes_key: aesKey });
  await testConnection(deps, await ownerActor(deps, tenantId)); // shows 已连接 in the console
  if (!(await syncRunsExist(deps, tenantId))) {
    try {
      await requestSync(deps, null, tenantId, 'full');
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'SYNC_RUNNING')) throw err;
    }
  }
  // The live shop: new WeChat Shop orders reach Siyu through the connector (as fast as friends arrive).
  await goLiveShop(deps, tenantId, demo.sim, deps.config.demoFriendsPerMinute);
  if (deps.config.demoFriendsPerMinute > 0) {
    const client = createWecomClient({ corpId: DEMO_CORP_ID, secret, baseUrl: demo.sim.url });
    const ways = await client.listContactWay({ limit: 100 });
    await c.setPopulation(DEMO_CORP_ID, { rate_per_minute: deps.config.demoFriendsPerMinute, config_ids: ways.contact_way.map((w) => w.config_id) });
  }
}
