// What each WeCom callback does (spec §9). Reads from WeCom happen first, outside the database
// transaction; the returned writer runs inside it together with the callback's "processed" mark.
// Callbacks only say *that* something changed: the current truth is read back from the API, so
// a late or repeated callback writes today's state, never an old one.
import { parseCallbackEvent, WecomApiError, type ExternalChatEvent, type ExternalContactEvent, type WecomClient } from '@siyu/wecom';
import type { Deps } from '../deps.ts';
import { emit } from '../core/index.ts';
import { staffByWecomUserid } from '../modules/tenancy/index.ts';
import { endWecomOwnership } from '../modules/customers/index.ts';
import { mirrorWecomTags, wecomTagIds } from '../modules/tagging/index.ts';
import { channelStore, clientFor, tenantWecom, lookUpStates, type CallbackHandler, type CallbackOutcome } from '../modules/channel/index.ts';
import { recordContacts, type OrgMaps } from './wecom-contacts.ts';
import { fetchGroup, recordGroup } from './wecom-groups.ts';
import { recordLiveCodeFriend, welcomeLiveCodeFriend, type LiveCodeArrival } from './live-code-adds.flow.ts';

type Writer = (trxDeps: Deps) => Promise<CallbackOutcome>;
const ignore: Writer = async () => 'ignored';

// WeCom's "no such relation / not visible" answers: the thing is gone by the time we ask.
const GONE = new Set([84061, 40096, 90501, 40050]);
const isGone = (err: unknown) => err instanceof WecomApiError && GONE.has(err.errcode);

export const handleWecomCallback: CallbackHandler = async (deps, tenantId, xml) => {
  const ev = parseCallbackEvent(xml);
  const t = await tenantWecom(deps, tenantId);
  if (!t) return ignore;
  if (ev.kind === 'change_external_contact') return contactEvent(deps, tenantId, t.corpId, await clientFor(deps, tenantId), ev);
  if (ev.kind === 'change_external_chat') return chatEvent(deps, tenantId, await clientFor(deps, tenantId), ev);
  if (ev.kind === 'change_external_tag') {
    // Tags are few: re-read the whole list and mirror it (covers create/update/delete/shuffle).
    const list = await (await clientFor(deps, tenantId)).getCorpTagList({});
    return async (d) => {
      await mirrorWecomTags(d, tenantId, list.tag_group, true);
      return 'processed';
    };
  }
  return ignore; // customer_acquisition and others: kept in the inbox for the modules that need them
};

async function maps(deps: Deps, tenantId: string): Promise<OrgMaps> {
  const [staff, tags] = await Promise.all([staffByWecomUserid(deps, tenantId), wecomTagIds(deps, tenantId)]);
  return { staff, tags };
}

async function contactEvent(deps: Deps, tenantId: string, corpId: string, client: WecomClient, ev: ExternalContactEvent): Promise<Writer> {
  switch (ev.ChangeType) {
    case 'add_external_contact':
    case 'add_half_external_contact':
    case 'edit_external_contact':
    case 'transfer_fail': {
      const isAdd = ev.ChangeType === 'add_external_contact' || ev.ChangeType === 'add_half_external_contact';
      const arrival: LiveCodeArrival | null = isAdd && ev.State
        ? { state: ev.State, userid: ev.UserID, externalUserId: ev.ExternalUserID, welcomeCode: ev.WelcomeCode ?? null, at: new Date(ev.CreateTime * 1000) } : null;
      // First of all: a live code's welcome has 20 s from the event.
      const liveCode = arrival ? await welcomeLiveCodeFriend(deps, tenantId, client, arrival) : null;
      let detail;
      try {
        detail = await client.getExternalContact(ev.ExternalUserID);
      } catch (err) {
        if (isGone(err)) return ignore; // deleted again before we looked
        throw err;
      }
      const follows = detail.follow_user.map(({ tags, ...f }) => ({ ...f, tag_id: (tags ?? []).filter((x) => x.type === 1 && x.tag_id).map((x) => x.tag_id!) }));
      // A code made since the last sync: its name is looked up now (once per state), not at the next sync.
      await lookUpStates(deps, tenantId, client, follows.map((f) => f.state)).catch((err) => {
        deps.log.warn({ err, tenantId }, 'could not look up a channel state; its name waits for the next sync');
      });
      const m = await maps(deps, tenantId);
      const extra = ev.ChangeType === 'add_external_contact' || ev.ChangeType === 'add_half_external_contact'
        ? { welcomeCode: ev.WelcomeCode ?? null, callbackState: ev.State ?? null, welcomeCodeAt: ev.CreateTime } : {};
      return async (d) => {
        await recordContacts(d, tenantId, corpId, [{ contact: detail.external_contact, follows }], m, { runId: null, source: sourceOf(follows, ev.UserID), extra });
        if (liveCode && arrival) await recordLiveCodeFriend(d, tenantId, arrival, m.staff.get(ev.UserID));
        return 'processed';
      };
    }
    case 'del_external_contact':
    case 'del_follow_user': {
      const byCustomer = ev.ChangeType === 'del_follow_user';
      const transfer = ev.ChangeType === 'del_external_contact' && ev.Source === 'DELETE_BY_TRANSFER';
      const staff = await staffByWecomUserid(deps, tenantId);
      return async (d) => {
        const ended = await channelStore.endRelation(d, tenantId, ev.ExternalUserID, ev.UserID, transfer ? 'transferring' : byCustomer ? 'deleted_by_customer' : 'deleted_by_staff');
        if (!ended) return 'ignored'; // unknown pair, or already recorded
        const s = staff.get(ev.UserID);
        if (s) await endWecomOwnership(d, tenantId, ended.customer_id, s.id, s.name, transfer ? '客户已转接' : byCustomer ? '客户删除了员工' : '员工删除了客户');
        await emit(d.db, tenantId, [{
          type: 'wecom.friend_deleted', aggregateType: 'customer', aggregateId: ended.customer_id, occurredAt: new Date(ev.CreateTime * 1000),
          payload: { userid: ev.UserID, staffId: s?.id ?? null, staffName: s?.name ?? null, by: byCustomer ? 'customer' : 'staff', transfer },
        }]);
        return 'processed';
      };
    }
  }
}

/** How the customer first came, in words for the customer's source field. */
function sourceOf(follows: Array<{ userid: string; state?: string; add_way?: number }>, userid: string): string {
  const f = follows.find((x) => x.userid === userid) ?? follows[0];
  if (f?.state) return '渠道活码';
  return '企业微信';
}

async function chatEvent(deps: Deps, tenantId: string, client: WecomClient, ev: ExternalChatEvent): Promise<Writer> {
  if (ev.ChangeType === 'dismiss') {
    return async (d) => {
      await channelStore.dismissGroup(d, tenantId, ev.ChatId);
      return 'processed';
    };
  }
  let group;
  try {
    group = await fetchGroup(client, ev.ChatId);
  } catch (err) {
    if (isGone(err)) return ignore;
    throw err;
  }
  const staff = await staffByWecomUserid(deps, tenantId);
  return async (d) => {
    await recordGroup(d, tenantId, group, staff, { runId: null, quitScene: ev.ChangeType === 'update' ? ev.QuitScene ?? null : null });
    return 'processed';
  };
}
