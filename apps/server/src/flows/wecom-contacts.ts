// One step shared by callbacks and sync: WeCom contacts with their follow info → customers
// (resolved or created), owners, the channel's contacts and relations, WeCom tags on customers,
// and a wecom.friend_added event for each relation that became active. Runs inside the caller's
// transaction (deps.db is it), so a page or a callback is recorded whole or not at all.
import type { ExternalContact, FollowInfo } from '@siyu/wecom';
import type { Deps } from '../deps.ts';
import { emit, type DomainEvent } from '../core/index.ts';
import { resolveWecomCustomers, type WecomCustomerInput } from '../modules/customers/index.ts';
import { applyWecomAssignments } from '../modules/tagging/index.ts';
import { channelStore, addWayLabel } from '../modules/channel/index.ts';

export type ContactWithFollows = { contact: ExternalContact; follows: FollowInfo[] };
export type OrgMaps = {
  staff: Map<string, { id: string; name: string }>; // userid → staff
  tags: Map<string, { id: string; name: string }>; // WeCom tag id → Siyu tag
};
export type RecordResult = { customersNew: number; customersMatched: number; relationsNew: number };

export async function recordContacts(deps: Deps, tenantId: string, corpId: string, items: ContactWithFollows[], maps: OrgMaps, opts: { runId: string | null; source: string; extra?: Record<string, unknown> }): Promise<RecordResult> {
  const at = (s: number | undefined) => (s ? new Date(s * 1000) : deps.clock.now());
  const inputs: WecomCustomerInput[] = items.map(({ contact, follows }) => ({
    externalUserId: contact.external_userid, unionid: contact.unionid || null, name: contact.name ?? '', avatar: contact.avatar || null,
    gender: contact.gender ?? 0, source: opts.source,
    owners: follows.flatMap((f) => {
      const s = maps.staff.get(f.userid);
      return s ? [{ staffId: s.id, staffName: s.name, since: at(f.createtime) }] : [];
    }),
  }));
  const resolved = await resolveWecomCustomers(deps, tenantId, corpId, inputs);

  await channelStore.saveContacts(deps, tenantId, items.map(({ contact }) => ({
    external_userid: contact.external_userid, customer_id: resolved.get(contact.external_userid)!.customerId, name: contact.name ?? '',
    avatar: contact.avatar || null, type: contact.type ?? null, gender: contact.gender ?? null, corp_name: contact.corp_name || null, has_unionid: !!contact.unionid,
  })));
  const relations = items.flatMap(({ contact, follows }) => follows.map((f) => ({
    external_userid: contact.external_userid, userid: f.userid, customer_id: resolved.get(contact.external_userid)!.customerId,
    staff_id: maps.staff.get(f.userid)?.id ?? null, added_at: at(f.createtime), add_way: f.add_way ?? 0, state: f.state || null,
    oper_userid: f.oper_userid || null, remark: f.remark || null, description: f.description || null, tag_ids: f.tag_id ?? [],
  })));
  const activated = await channelStore.saveActiveRelations(deps, tenantId, relations, opts.runId);

  const byPair = new Map(relations.map((r) => [`${r.external_userid}/${r.userid}`, r]));
  const events: DomainEvent[] = activated.map((p) => {
    const r = byPair.get(`${p.external_userid}/${p.userid}`)!;
    return {
      type: 'wecom.friend_added', aggregateType: 'customer', aggregateId: r.customer_id, occurredAt: r.added_at,
      payload: {
        userid: r.userid, staffId: r.staff_id, staffName: maps.staff.get(r.userid)?.name ?? null, externalUserId: r.external_userid,
        state: r.state, addWay: r.add_way, addWayLabel: addWayLabel(r.add_way), ...opts.extra,
      },
    };
  });
  await emit(deps.db, tenantId, events);

  // A customer's WeCom tags are the union over their active relations.
  const customerIds = [...new Set([...resolved.values()].map((r) => r.customerId))];
  const wecomTags = await channelStore.relationTagsOf(deps, tenantId, customerIds);
  const names = new Map([...maps.tags.values()].map((t) => [t.id, t.name]));
  await applyWecomAssignments(deps, tenantId, customerIds.map((c) => ({
    customerId: c, tagIds: (wecomTags.get(c) ?? []).flatMap((w) => (maps.tags.has(w) ? [maps.tags.get(w)!.id] : [])),
  })), names);

  const created = [...resolved.values()].filter((r) => r.created).length;
  return { customersNew: created, customersMatched: resolved.size - created, relationsNew: activated.length };
}
