// startSimulator: one Fastify server speaking WeCom's API under /cgi-bin and the scenario API under
// /sim, with callbacks, persistence and population mode wired around one state object.
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import type { SimLimits } from './limits.ts';
import type { Sim } from './sim-context.ts';
import type { SimControl } from './control.ts';
import { defaultLimits } from './limits.ts';
import { simNow } from './clock.ts';
import { createPersistence, loadState } from './persistence.ts';
import { createCallbackDispatcher } from './callbacks.ts';
import { createFaultBook } from './faults.ts';
import { createRateLimits } from './rate-limits.ts';
import { createPopulation } from './population.ts';
import { installBodyParser } from './body-parser.ts';
import { registerApiRoutes } from './api-router.ts';
import { settleTransfers } from './transfer-settle.ts';
import { createSimControl } from './control.ts';
import { registerCorpScenario } from './scenario-corps.ts';
import { registerContactScenario } from './scenario-contacts.ts';
import { registerGroupScenario } from './scenario-groups.ts';
import { registerBulkScenario } from './scenario-bulk.ts';
import { orgApis } from './api-org.ts';
import { contactApis } from './api-contacts.ts';
import { tagApis } from './api-tags.ts';
import { contactWayApis } from './api-contact-ways.ts';
import { groupApis } from './api-groups.ts';
import { groupWelcomeApis } from './api-group-welcome.ts';
import { massMessageApis } from './api-mass-messages.ts';
import { momentApis } from './api-moments.ts';
import { transferApis } from './api-transfers.ts';
import { acquisitionApis } from './api-acquisition.ts';
import { mediaApis } from './api-media.ts';
import { mountPlatforms } from './platforms/index.ts';

export type StartOptions = {
  port?: number; // 0 (the default) = an ephemeral port
  host?: string; // 127.0.0.1
  stateFile?: string; // JSON persistence; state survives a restart
  limits?: Partial<SimLimits>;
  callbackTimeoutMs?: number; // 5000, as WeCom
  callbackRetries?: number; // 3 more attempts after the first
  logger?: boolean;
};

export type RunningSimulator = { url: string; port: number; control: SimControl; stop(): Promise<void> };

const BODY_LIMIT = 200 * 1024 * 1024; // bulk loads of 50k+ contacts in one request

export const allApis = [
  ...orgApis, ...contactApis, ...tagApis, ...contactWayApis, ...groupApis, ...groupWelcomeApis, ...massMessageApis,
  ...momentApis, ...transferApis, ...acquisitionApis, ...mediaApis,
];

export async function startSimulator(opts: StartOptions = {}): Promise<RunningSimulator> {
  const limits: SimLimits = { ...defaultLimits, ...opts.limits };
  const persistence = createPersistence(opts.stateFile, () => sim.state);
  let dispatcher: ReturnType<typeof createCallbackDispatcher> | undefined;
  const sim: Sim = {
    state: loadState(opts.stateFile),
    limits,
    callbackTimeoutMs: opts.callbackTimeoutMs ?? 5000,
    callbackRetries: opts.callbackRetries ?? 3,
    now: () => simNow(sim.state),
    dirty: () => persistence.dirty(),
    emit: (corp, event, changeType, fields) => dispatcher?.emit(corp, event, changeType, fields),
  };
  dispatcher = createCallbackDispatcher(sim);
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: BODY_LIMIT });
  // Unexpected errors are simulator bugs: say so even when the request logger is off.
  const log = (err: unknown) => (opts.logger ? app.log.error(err) : console.error('simulator error:', err));
  const faults = createFaultBook();
  const rates = createRateLimits(limits);
  const population = createPopulation(sim, log);
  installBodyParser(app, BODY_LIMIT);
  registerApiRoutes(app, { sim, faults, rates, log }, allApis);
  const deps = { sim, faults, rates, population, log };
  registerCorpScenario(app, deps);
  registerContactScenario(app, deps);
  registerGroupScenario(app, deps);
  registerBulkScenario(app, deps);
  const platforms = await mountPlatforms(app, deps); // order platforms: /taobao, /douyin, … and /sim/platforms
  app.get('/sim/health', async () => ({ ok: true, now: sim.now() }));

  const host = opts.host ?? '127.0.0.1';
  await app.listen({ port: opts.port ?? 0, host });
  const port = (app.server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  dispatcher.resume();
  population.resume();
  platforms.resume();
  // Transfers also complete while nobody calls the API (real time passing 24 h in a long demo).
  const tick = setInterval(() => {
    for (const corp of Object.values(sim.state.corps)) if (corp.transfers.some((t) => t.status === 2)) settleTransfers(sim, corp);
  }, 1000);
  tick.unref();

  let stopping: Promise<void> | null = null;
  return {
    url, port, control: createSimControl(url),
    stop() {
      stopping ??= (async () => {
        clearInterval(tick);
        population.stop();
        platforms.stop();
        await dispatcher.stop();
        await app.close();
        await persistence.stop();
      })();
      return stopping;
    },
  };
}
