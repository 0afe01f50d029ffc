// WeCom contacts → customers. A contact is the same customer when its external_userid (per corp)
// or its unionid is known; otherwise it is a new customer. Owners follow the staff who have the
// contact as a friend. Callers pass deps whose db is their transaction: nothing here opens one.
import type { Deps } from '../../deps.ts';
import { emit, newId, type DomainEvent } from '../../core/index.ts';
import * as repo from './customers.repo.ts';
import * as wrepo from './customers-bulk.repo.ts';
import { customerGrams } from './search-grams.ts';

export type WecomCustomerInput = {
  externalUserId: string;
  unionid: string | null;
  name: string; // the WeChat nickname
  avatar: string | null;
  gender: number; // WeCom: 0 unknown, 1 male, 2 female
  owners: Array<{ staffId: string; staffName: string; since: Date }>;
  source: string; // 渠道活码, 企业微信同步 …
};

export type ResolvedCustomer = { customerId: string; created: boolean };

const GENDER = ['unknown', 'male', 'female'] as const;

export async function resolveWecomCustomers(deps: Deps, tenantId: string, corpId: string, contacts: WecomCustomerInput[]): Promise<Map<string, ResolvedCustomer>> {
  const db = deps.db;
  const out = new Map<string, ResolvedCustomer>();
  const byExternal = await wrepo.customersByIdentity(db, tenantId, 'wecom_external_userid', corpId, contacts.map((c) => c.externalUserId));
  const needUnion = contacts.filter((c) => !byExternal.has(c.externalUserId) && c.unionid);
  const byUnion = await wrepo.customersByIdentity(db, tenantId, 'unionid', '', needUnion.map((c) => c.unionid!));
  const events: DomainEvent[] = [];
  const newIdentities: Parameters<typeof repo.insertIdentities>[1] = [];
  const newCustomers: Parameters<typeof wrepo.insertCustomers>[1] = [];
  const fills: Array<{ id: string; avatar: string | null; nickname: string }> = [];

  for (const c of contacts) {
    if (out.has(c.externalUserId)) continue;
    const known = byExternal.get(c.externalUserId) ?? (c.unionid ? byUnion.get(c.unionid) : undefined);
    if (known) {
      out.set(c.externalUserId, { customerId: known, created: false });
      if (!byExternal.has(c.externalUserId)) newIdentities.push({ tenant_id: tenantId, kind: 'wecom_external_userid', scope: corpId, value: c.externalUserId, customer_id: known });
      fills.push({ id: known, avatar: c.avatar, nickname: c.name });
      continue;
    }
    const id = newId();
    const first = c.owners[0]?.since ?? deps.clock.now();
    newCustomers.push({
      tenant_id: tenantId, id, name: c.name || '微信用户', nickname: c.name || null, avatar_url: c.avatar, gender: GENDER[c.gender] ?? 'unknown',
      source: c.source, search_grams: customerGrams({ name: c.name, nickname: c.name }), created_at: first, updated_at: first,
    });
    newIdentities.push({ tenant_id: tenantId, kind: 'wecom_external_userid', scope: corpId, value: c.externalUserId, customer_id: id });
    if (c.unionid) newIdentities.push({ tenant_id: tenantId, kind: 'unionid', scope: '', value: c.unionid, customer_id: id });
    events.push({ type: 'customer.created', aggregateType: 'customer', aggregateId: id, occurredAt: first, payload: { source: c.source, by: '企业微信' } });
    out.set(c.externalUserId, { customerId: id, created: true });
    if (c.unionid) byUnion.set(c.unionid, id); // the same person twice in one page
  }
  await wrepo.insertCustomers(db, newCustomers);
  await repo.insertIdentities(db, newIdentities);
  await wrepo.fillFromWecom(db, tenantId, fills);

  const pairs = contacts.flatMap((c) => c.owners.map((o) => ({ customerId: out.get(c.externalUserId)!.customerId, staffId: o.staffId, since: o.since, name: o.staffName })));
  const added = await wrepo.addOwners(db, tenantId, pairs);
  const names = new Map(pairs.map((p) => [`${p.customerId}/${p.staffId}`, p]));
  for (const a of added) {
    const p = names.get(`${a.customer_id}/${a.staff_id}`)!;
    events.push({ type: 'customer.owner_added', aggregateType: 'customer', aggregateId: a.customer_id, occurredAt: p.since, payload: { staffId: a.staff_id, staffName: p.name, via: 'wecom' } });
  }
  await emit(db, tenantId, events);
  return out;
}

/** The staff member no longer has the customer as a friend: they stop owning them. */
export async function endWecomOwnership(deps: Deps, tenantId: string, customerId: string, staffId: string, staffName: string, reason: string) {
  if (!(await wrepo.removeOwner(deps.db, tenantId, customerId, staffId))) return;
  await emit(deps.db, tenantId, [{ type: 'customer.owner_removed', aggregateType: 'customer', aggregateId: customerId, occurredAt: deps.clock.now(), payload: { staffId, staffName, reason } }]);
}
