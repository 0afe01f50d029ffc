// Full and incremental sync with WeCom, phase by phase: departments → members (staff) → corp tags
// (Siyu's pushed to WeCom, then WeCom's mirrored) → contact ways (the names of channel states) →
// customers with follow info → groups with members. Every page is written in one transaction together with the run's checkpoint, so a
// killed worker resumes at the page it was on and a repeated page changes nothing.
// Full sync also ends what WeCom no longer has (relations, groups); incremental only adds and updates.
import { WecomApiError, isRetryable, type WecomClient } from '@siyu/wecom';
import type { Deps } from '../deps.ts';
import { emit } from '../core/index.ts';
import { staffByWecomUserid, syncWecomDepartments, syncWecomMembers } from '../modules/tenancy/index.ts';
import { endWecomOwnership } from '../modules/customers/index.ts';
import { mirrorWecomTags, tagsToPush, linkWecomIds, wecomTagIds } from '../modules/tagging/index.ts';
import {
  channelStore, clientFor, tenantWecom, loadRun, markRunStarted, saveRunState, finishRun, noteRunRetry, describeWecomError, syncContactWays, type RunState, type PhaseProgress,
} from '../modules/channel/index.ts';
import { recordContacts, type ContactWithFollows } from './wecom-contacts.ts';
import { fetchGroup, recordGroup } from './wecom-groups.ts';

type Ctx = { deps: Deps; s: RunState; client: WecomClient; corpId: string };

export async function runSync(deps: Deps, tenantId: string, runId: string, opts: { lastAttempt?: boolean } = {}): Promise<void> {
  const s = await loadRun(deps, tenantId, runId);
  if (!s || s.status === 'done' || s.status === 'failed') return;
  const t = await tenantWecom(deps, tenantId);
  try {
    const ctx: Ctx = { deps, s, client: await clientFor(deps, tenantId), corpId: t!.corpId };
    await markRunStarted(deps, s);
    s.startedAt = (await loadRun(deps, tenantId, runId))!.startedAt; // kept from the first attempt when resuming
    for (const p of s.progress) {
      if (p.finished) continue;
      await PHASES[p.name](ctx, p);
      p.finished = true;
      await saveRunState(deps, s);
    }
    await finishRun(deps, s, null);
  } catch (err) {
    // Temporary trouble (network, -1, 45009): the job is retried and resumes from the checkpoint.
    if (isRetryable(err) && !opts.lastAttempt) {
      await noteRunRetry(deps, s, describeWecomError(err));
      throw err;
    }
    await finishRun(deps, s, describeWecomError(err));
    if (!(err instanceof WecomApiError)) deps.log.error({ err, tenantId, runId }, 'WeCom sync failed');
  }
}

const bump = (s: RunState, key: string, n: number) => { if (n) s.stats[key] = (s.stats[key] ?? 0) + n; };

const PHASES: Record<PhaseProgress['name'], (ctx: Ctx, p: PhaseProgress) => Promise<void>> = {
  async departments({ deps, s, client }, p) {
    const { department } = await client.listDepartments();
    const r = await syncWecomDepartments(deps, s.tenantId, department);
    bump(s, 'departmentsNew', r.departmentsNew);
    p.done = p.total = department.length;
  },

  async members({ deps, s, client }, p) {
    const { department } = await client.listDepartments();
    const root = department.find((d) => !department.some((x) => x.id === d.parentid)) ?? department[0];
    const { userlist } = await client.listUsers(root?.id ?? 1, true);
    const r = await syncWecomMembers(deps, s.tenantId, userlist);
    bump(s, 'staffNew', r.staffNew);
    bump(s, 'staffUpdated', r.staffUpdated);
    p.done = p.total = userlist.length;
  },

  async tags({ deps, s, client }, p) {
    // Push first: tags made in Siyu get WeCom ids, so the mirror below links instead of duplicating.
    for (const g of await tagsToPush(deps, s.tenantId)) {
      try {
        const r = await client.addCorpTag(g.wecomGroupId ? { group_id: g.wecomGroupId, tag: g.tags.map((t) => ({ name: t.name })) } : { group_name: g.groupName, tag: g.tags.map((t) => ({ name: t.name })) });
        const links = g.tags.flatMap((t) => { const w = r.tag_group.tag.find((x) => x.name === t.name); return w ? [{ tagId: t.tagId, wecomTagId: w.id }] : []; });
        await linkWecomIds(deps, s.tenantId, g.groupId, r.tag_group.group_id, links);
        bump(s, 'tagsPushed', links.length);
      } catch (err) {
        if (!(err instanceof WecomApiError) || isRetryable(err)) throw err;
        bump(s, 'tagsPushFailed', g.tags.length); // e.g. 40126: the corp's 3,000 tags are used up
      }
    }
    const list = await client.getCorpTagList({});
    const r = await deps.db.transaction().execute((trx) => mirrorWecomTags({ ...deps, db: trx }, s.tenantId, list.tag_group, true));
    bump(s, 'tagsNew', r.tagsNew);
    bump(s, 'tagsDeleted', r.tagsDeleted);
    p.done = p.total = list.tag_group.reduce((n, g) => n + g.tag.length, 0);
  },

  async channels({ deps, s, client }, p) {
    // Names only: a corp whose app may not read contact ways (48002…) still syncs everything else.
    try {
      const r = await syncContactWays(deps, s, client, p);
      bump(s, 'channelsNew', r.added);
      bump(s, 'channelsRenamed', r.renamed);
      bump(s, 'channelsDeleted', r.deleted);
    } catch (err) {
      if (!(err instanceof WecomApiError) || isRetryable(err)) throw err;
      bump(s, 'channelsFailed', 1);
      deps.log.warn({ tenantId: s.tenantId, errcode: err.errcode }, 'contact ways not readable; channel names wait for the next sync');
    }
  },

  async customers(ctx, p) {
    const { deps, s, client, corpId } = ctx;
    const { follow_user: userids } = await client.getFollowUserList();
    if (p.total === null) {
      let total = 0;
      for (const u of userids) total += (await client.listExternalContacts(u).catch(() => ({ external_userid: [] }))).external_userid.length;
      p.total = total;
      await saveRunState(deps, s);
    }
    const staff = await staffByWecomUserid(deps, s.tenantId);
    const tags = await wecomTagIds(deps, s.tenantId);
    const from = s.checkpoint.customers as { chunk: number; cursor: string } | undefined;
    for await (const page of client.iterateContactsByUser(userids, 100, from)) {
      const grouped = new Map<string, ContactWithFollows>();
      for (const it of page.items) {
        const g = grouped.get(it.external_contact.external_userid) ?? { contact: it.external_contact, follows: [] };
        g.follows.push(it.follow_info);
        grouped.set(it.external_contact.external_userid, g);
      }
      await deps.db.transaction().execute(async (trx) => {
        const d = { ...deps, db: trx };
        const r = await recordContacts(d, s.tenantId, corpId, [...grouped.values()], { staff, tags }, { runId: s.runId, source: '企业微信同步' });
        bump(s, 'customersNew', r.customersNew);
        bump(s, 'customersMatched', r.customersMatched);
        bump(s, 'relationsNew', r.relationsNew);
        p.done += page.items.length;
        s.checkpoint.customers = page.next ?? { chunk: Number.MAX_SAFE_INTEGER, cursor: '' };
        await saveRunState(d, s);
      });
    }
    if (s.kind === 'full') {
      await deps.db.transaction().execute(async (trx) => {
        const d = { ...deps, db: trx };
        const gone = await channelStore.endUnseenRelations(d, s.tenantId, s.runId, s.startedAt);
        for (const r of gone) {
          const st = staff.get(r.userid);
          if (st) await endWecomOwnership(d, s.tenantId, r.customer_id, st.id, st.name, '企业微信中已无此好友');
        }
        await emit(trx, s.tenantId, gone.map((r) => ({
          type: 'wecom.friend_deleted', aggregateType: 'customer', aggregateId: r.customer_id,
          payload: { userid: r.userid, staffId: r.staff_id, staffName: staff.get(r.userid)?.name ?? null, by: 'unknown', via: 'sync' },
        })));
        bump(s, 'relationsEnded', gone.length);
      });
    }
  },

  async groups({ deps, s, client }, p) {
    // Listed by owner, 100 at a time: without owner_filter WeCom refuses corps over 1,000 members (81017).
    const staff = await staffByWecomUserid(deps, s.tenantId);
    const { follow_user: owners } = await client.getFollowUserList();
    const cp = (s.checkpoint.groups as { chunk: number; cursor: string; index: number } | undefined) ?? { chunk: 0, cursor: '', index: 0 };
    for (; cp.chunk * 100 < owners.length; cp.chunk++, cp.cursor = '', cp.index = 0) {
      const userids = owners.slice(cp.chunk * 100, cp.chunk * 100 + 100);
      for (;;) {
        const page = await client.listGroupChats({ limit: 1000, cursor: cp.cursor || undefined, owner_filter: { userid_list: userids } });
        p.total = Math.max(p.total ?? 0, p.done + page.group_chat_list.length - cp.index);
        for (let i = cp.index; i < page.group_chat_list.length; i++) {
          const g = await fetchGroup(client, page.group_chat_list[i].chat_id);
          await deps.db.transaction().execute(async (trx) => {
            const d = { ...deps, db: trx };
            await recordGroup(d, s.tenantId, g, staff, { runId: s.runId });
            p.done++;
            bump(s, 'groupsSynced', 1);
            s.checkpoint.groups = { chunk: cp.chunk, cursor: cp.cursor, index: i + 1 };
            await saveRunState(d, s);
          });
        }
        if (!page.next_cursor) break;
        cp.cursor = page.next_cursor;
        cp.index = 0;
      }
    }
    if (s.kind === 'full') bump(s, 'groupsDismissed', Number((await channelStore.dismissUnseenGroups(deps, s.tenantId, s.runId, s.startedAt))[0]?.numUpdatedRows ?? 0));
  },
};
