// Shared by the sdk-contract-*.test.ts files: the production SDK (packages/wecom) pointed at a
// fresh simulator over real HTTP, plus the few assertions every area repeats. Only the base URL
// differs from production; each client gets its own token cache so tests never share tokens.
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { WecomApiError, createTokenCache, createWecomClient } from '@siyu/wecom';
import type { CallEvent, WecomClient, WecomClientOptions, WecomErrorKind } from '@siyu/wecom';
import type { StartOptions } from './server.ts';
import { AGENT, CORP, SECRET, startTestSim } from './test-support.ts';
import type { Sim } from './test-support.ts';

export { AGENT, CORP, SECRET };
export const SECRET_2 = 'app-secret-2'; // the second app of the test corp (agentid 1000003)
export const AGENT_2 = 1000003;
export const DAY = 86400;

/** Id shapes the server relies on (spec §0): customers wo/wm, customer groups wr, corp tags et. */
export const ID = {
  external: /^w[om][0-9A-Za-z_-]{8,}$/,
  chat: /^wr[0-9A-Za-z_-]{8,}$/,
  tag: /^et[0-9A-Za-z_-]{8,}$/,
};

export type Contract = {
  sim: Sim;
  client: WecomClient;
  /** Every HTTP attempt of `client` (gettoken included), in order. */
  calls: CallEvent[];
  /** Another SDK client on the same simulator (e.g. the second app's secret). */
  sdk(opts?: Partial<WecomClientOptions>, calls?: CallEvent[]): WecomClient;
};

/** A simulator with the test corp (members zhangsan, lisi unless given) and an SDK client on it; stopped after the test. */
export async function startContract(t: TestContext, opts: StartOptions = {}, members?: string[]): Promise<Contract> {
  const sim = await startTestSim(opts, members);
  t.after(() => sim.stop());
  const sdk = (over: Partial<WecomClientOptions> = {}, calls?: CallEvent[]) =>
    createWecomClient({
      corpId: CORP, secret: SECRET, agentId: AGENT, baseUrl: sim.url, tokenCache: createTokenCache(),
      retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 }, onCall: calls ? (e) => calls.push(e) : undefined, ...over,
    });
  const calls: CallEvent[] = [];
  return { sim, client: sdk({}, calls), calls, sdk };
}

/** The promise rejects with a WecomApiError carrying this errcode and kind. */
export async function rejectsWith(p: Promise<unknown>, errcode: number, kind: WecomErrorKind, note?: string): Promise<WecomApiError> {
  let caught: unknown;
  try {
    await p;
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof WecomApiError, `${note ?? ''} expected WecomApiError ${errcode}, got ${caught === undefined ? 'success' : String(caught)}`);
  assert.equal(caught.errcode, errcode, note);
  assert.equal(caught.kind, kind, note);
  return caught;
}

/** A new WeChat user who adds `userid` (scenario API, as a real add would): its external_userid and welcome code. */
export async function befriend(sim: Sim, userid: string, opts: { name?: string; state?: string; link_id?: string } = {}) {
  const { external_userid } = await sim.control.createWechatUser(CORP, { name: opts.name ?? `客户-${userid}` });
  const r = await sim.control.addFriend(CORP, { external_userid, userid, state: opts.state, link_id: opts.link_id });
  return { ext: external_userid, welcomeCode: r.welcome_code };
}

/** Follows next_cursor until it is empty, collecting every page's items. */
export async function allPages<T>(fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; next_cursor?: string }>, maxPages = 50) {
  const items: T[] = [];
  let cursor: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await fetchPage(cursor);
    pages++;
    items.push(...page.items);
    if (!page.next_cursor) return { items, pages };
    assert.notEqual(page.next_cursor, cursor, 'next_cursor must move');
    assert.ok(pages < maxPages, 'paging does not end');
    cursor = page.next_cursor;
  }
}

export const bytes = (n: number, fill = 7) => new Uint8Array(n).fill(fill);

export const gettokens = (calls: CallEvent[]) => calls.filter((c) => c.api === '/cgi-bin/gettoken');
