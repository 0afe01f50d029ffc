// The corp's contact ways (渠道活码), mirrored for their names: a friend's relation records the
// `state` of the way they came by (pkgcard-2026), and operators know the way by its remark
// (包裹卡（全店通用）). Names are looked up when shown, so renaming a way in WeCom renames it in every
// list and in the customer's history after the next sync.
//
// WeCom lists ways only by creation time (list_contact_way: ids of API-made ways, up to 1,000 a
// page; 90 days by default) and gives the state and remark one way at a time (get_contact_way).
// So a sync lists what was made since the last listing (a full sync: since the API's first day, in
// case a listing was missed), reads each way it did not know, then re-reads the live ways it knows
// (renames; 41044 = deleted), checkpointing every page. A callback whose state no mirrored way carries lists the ways made since the last
// listing, once per state.
import { WecomApiError, isRetryable, type ContactWay, type WecomClient } from '@siyu/wecom';
import type { Deps } from '../../deps.ts';
import { staffByWecomUserid } from '../tenancy/index.ts';
import { channelDb } from './channel.tables.ts';
import { saveRunState, type PhaseProgress, type RunState } from './sync.service.ts';
import * as repo from './contact-ways.repo.ts';

const DAY = 86_400;
/** list_contact_way returns ways made from 2021-07-10 on; a first listing starts there. */
export const LISTING_FLOOR = Date.UTC(2021, 6, 10) / 1000;
/** One request spans under 90 days (WeCom's own default window), so no span limit can refuse it. */
const WINDOW = 90 * DAY;
/** A new listing starts a day before the last one ended: clocks differ, and a way made mid-listing is not missed. */
const OVERLAP = DAY;
const PAGE = 1000;
const READ_AT_ONCE = 5;

type Staff = Map<string, { id: string; name: string }>;
type ListPos = { from: number; cursor: string };

/** What an operator calls a way: its remark, else whose code it is, else the state itself. */
export function wayName(w: Pick<ContactWay, 'remark' | 'state' | 'user'>, staff: Staff): string {
  const remark = (w.remark ?? '').trim();
  if (remark) return remark;
  const names = (w.user ?? []).map((u) => staff.get(u)?.name ?? u);
  if (names.length === 1) return `${names[0]}的活码`;
  if (names.length > 1) return `${names.slice(0, 2).join('、')}${names.length > 2 ? `等 ${names.length} 人` : ''}的活码`;
  return `渠道 ${w.state}`;
}

function rowOf(configId: string, w: ContactWay, staff: Staff): repo.ContactWayRow {
  return {
    config_id: configId, state: w.state ?? '', remark: (w.remark ?? '').trim(), name: wayName(w, staff), type: w.type ?? 0, scene: w.scene ?? 0,
    userids: w.user ?? [], is_temp: !!w.is_temp,
  };
}

/** Pages of config ids made from `pos.from` on, window by window; `next` is where to resume after the page. */
async function* listWayIds(client: WecomClient, pos: ListPos, now: number): AsyncGenerator<{ ids: string[]; next: ListPos | null }> {
  let { from, cursor } = pos;
  for (;;) {
    const last = from + WINDOW > now;
    // The last window leaves end_time to WeCom ("now" by its clock, which may run ahead of ours).
    const r = await client.listContactWay({ start_time: from, ...(last ? {} : { end_time: from + WINDOW - 1 }), limit: PAGE, ...(cursor ? { cursor } : {}) });
    const ids = (r.contact_way ?? []).map((w) => w.config_id);
    if (r.next_cursor && ids.length > 0) {
      cursor = r.next_cursor;
      yield { ids, next: { from, cursor } };
      continue;
    }
    if (last) {
      yield { ids, next: null };
      return;
    }
    from += WINDOW;
    cursor = '';
    yield { ids, next: { from, cursor } };
  }
}

/** Reads ways a few at a time; a way WeCom no longer has (41044) or will not show is reported as gone. */
async function readWays(client: WecomClient, configIds: string[]) {
  const found: Array<{ configId: string; way: ContactWay }> = [];
  const gone: string[] = [];
  for (let i = 0; i < configIds.length; i += READ_AT_ONCE) {
    await Promise.all(configIds.slice(i, i + READ_AT_ONCE).map(async (configId) => {
      try {
        found.push({ configId, way: (await client.getContactWay(configId)).contact_way });
      } catch (err) {
        if (!(err instanceof WecomApiError) || isRetryable(err)) throw err;
        if (err.errcode === 41044) gone.push(configId);
        // any other refusal for one way (not visible to the app…) leaves it as it was
      }
    }));
  }
  return { found, gone };
}

export type WaysWritten = { added: number; renamed: number; deleted: number };

/** Writes what was read: ways with a state are kept, a way whose state was cleared counts as deleted. */
async function writeWays(deps: Deps, tenantId: string, read: Awaited<ReturnType<typeof readWays>>, staff: Staff, runId: string | null): Promise<WaysWritten> {
  const db = channelDb(deps.db);
  const now = deps.clock.now();
  const rows = read.found.filter((f) => f.way.state).map((f) => rowOf(f.configId, f.way, staff));
  const stateless = read.found.filter((f) => !f.way.state).map((f) => f.configId);
  const r = await repo.upsertWays(db, tenantId, rows, runId, now);
  const deleted = await repo.markDeleted(db, tenantId, [...read.gone, ...stateless], runId, now);
  return { added: r.added.length, renamed: r.renamed.length, deleted };
}

type SyncCheckpoint = { until: number; list: ListPos | null; refreshAfter: string };

/**
 * The sync phase: ways made since the last listing (all of them on a full sync or the first time),
 * then every live way again for renames and deletions. Resumes from the run's checkpoint.
 */
export async function syncContactWays(deps: Deps, s: RunState, client: WecomClient, p: PhaseProgress): Promise<WaysWritten> {
  const db = channelDb(deps.db);
  const total: WaysWritten = { added: 0, renamed: 0, deleted: 0 };
  const add = (w: WaysWritten) => { total.added += w.added; total.renamed += w.renamed; total.deleted += w.deleted; };
  let cp = s.checkpoint.contactWays as SyncCheckpoint | undefined;
  if (!cp) {
    const since = s.kind === 'full' ? null : await repo.listedUntil(db, s.tenantId);
    const now = Math.floor(deps.clock.now().getTime() / 1000);
    cp = { until: now, list: { from: since ? Math.max(LISTING_FLOOR, Math.floor(since.getTime() / 1000) - OVERLAP) : LISTING_FLOOR, cursor: '' }, refreshAfter: '' };
    s.checkpoint.contactWays = cp;
  }
  const staff = await staffByWecomUserid(deps, s.tenantId);
  const commit = (fn: (d: Deps) => Promise<void>) => channelDb(deps.db).transaction().execute(async (trx) => {
    const d = { ...deps, db: trx };
    await fn(d);
    await saveRunState(d, s);
  });

  if (cp.list) {
    for await (const page of listWayIds(client, cp.list, cp.until)) {
      const known = await repo.knownConfigIds(db, s.tenantId, page.ids); // re-read below with every live way
      const read = await readWays(client, page.ids.filter((id) => !known.has(id)));
      await commit(async (d) => {
        add(await writeWays(d, s.tenantId, read, staff, s.runId));
        p.done += read.found.length + read.gone.length;
        cp.list = page.next;
      });
    }
  }
  p.total = p.done + await repo.countToRefresh(db, s.tenantId, s.runId, cp.refreshAfter);
  for (;;) {
    const batch = (await repo.waysToRefresh(db, s.tenantId, s.runId, cp.refreshAfter, 100)).map((r) => r.config_id);
    if (batch.length === 0) break;
    const read = await readWays(client, batch);
    await commit(async (d) => {
      add(await writeWays(d, s.tenantId, read, staff, s.runId));
      p.done += batch.length;
      cp.refreshAfter = batch[batch.length - 1];
    });
  }
  await repo.setListedUntil(db, s.tenantId, new Date(cp.until * 1000));
  return total;
}

/**
 * A callback brought states: any that no mirrored way carries is looked up once — the ways made
 * since the last listing are listed and read (a new code scanned before the next sync). States
 * still unknown afterwards (a way made in the admin console, which WeCom does not list) are
 * remembered so the next friend through them costs no call. Best effort: names can wait for a sync.
 */
export async function lookUpStates(deps: Deps, tenantId: string, client: WecomClient, states: Array<string | null | undefined>): Promise<void> {
  const db = channelDb(deps.db);
  const wanted = [...new Set(states.filter((x): x is string => !!x))];
  const unknown = await repo.statesToLookUp(db, tenantId, wanted);
  if (unknown.length === 0) return;
  const since = await repo.listedUntil(db, tenantId);
  const now = Math.floor(deps.clock.now().getTime() / 1000);
  // Never listed yet: WeCom's default window (90 days) is where a code scanned today most likely
  // comes from; the first sync lists the rest. The mark moves only when the listing joined the last.
  const from = since ? Math.floor(since.getTime() / 1000) - OVERLAP : now - WINDOW + 1;
  const staff = await staffByWecomUserid(deps, tenantId);
  for await (const page of listWayIds(client, { from, cursor: '' }, now)) {
    const known = await repo.knownConfigIds(db, tenantId, page.ids);
    const read = await readWays(client, page.ids.filter((id) => !known.has(id)));
    await writeWays(deps, tenantId, read, staff, null);
  }
  if (since) await repo.setListedUntil(db, tenantId, new Date(now * 1000));
  await repo.rememberUnknown(db, tenantId, await repo.statesToLookUp(db, tenantId, unknown));
}

/**
 * A way another module made, changed or deleted itself (a live code): written to the mirror now, so
 * its name is right before the next sync reads it back. `way` null: WeCom's way was deleted.
 */
export async function mirrorOwnWay(deps: Deps, tenantId: string, configId: string, way: ContactWay | null): Promise<void> {
  const staff = await staffByWecomUserid(deps, tenantId);
  await writeWays(deps, tenantId, way ? { found: [{ configId, way }], gone: [] } : { found: [], gone: [configId] }, staff, null);
}

/** Names of states (a state no known way carries is absent). */
export const stateNames = (deps: Deps, tenantId: string, states: string[]) =>
  repo.namesOfStates(channelDb(deps.db), tenantId, [...new Set(states.filter(Boolean))]);

/** The channel each customer first came through as a WeCom friend, with its name (null: not known). */
export async function sourceChannels(deps: Deps, tenantId: string, customerIds: string[]): Promise<Map<string, { state: string; name: string | null }>> {
  const rows = await repo.firstChannelOf(channelDb(deps.db), tenantId, customerIds);
  return new Map(rows.map((r) => [r.customer_id, { state: r.state, name: r.name }]));
}

/** Every channel state with a name, for the console (name order). */
export async function listChannels(deps: Deps, tenantId: string) {
  const rows = await repo.allStates(channelDb(deps.db), tenantId);
  return rows.map((r) => ({ state: r.state, name: r.name, deleted: r.deleted_at !== null }))
    .sort((a, b) => Number(a.deleted) - Number(b.deleted) || a.name.localeCompare(b.name, 'zh-CN'));
}
