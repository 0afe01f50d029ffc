// Buyers of orders → customers, in bulk (an import chunk at a time). A buyer is the same customer
// when one of its identities is known: the platform's stable buyer id within its shop, a unionid
// (WeChat Shop), or a phone hash. New buyers become customers with source 平台订单. Callers pass
// deps whose db is their transaction.
import type { Deps } from '../../deps.ts';
import { emit, maskPhone, newId, normalizePhone, type DomainEvent } from '../../core/index.ts';
import * as repo from './customers.repo.ts';
import * as wrepo from './customers-bulk.repo.ts';
import { customerGrams } from './search-grams.ts';

export type BuyerInput = {
  ref: string; // the caller's key for this buyer (returned in the map)
  shopId: string;
  buyerKey: string | null; // platform buyer id, unique within the shop
  unionid: string | null;
  phone: string | null; // full mainland mobile, only where lawfully present
  name: string;
  province: string | null;
  city: string | null;
  source: string; // 淘宝订单 …
  at: Date;
};

export type ResolvedBuyer = { customerId: string; created: boolean };

export async function resolveBuyers(deps: Deps, tenantId: string, buyers: BuyerInput[]): Promise<Map<string, ResolvedBuyer>> {
  const db = deps.db;
  const out = new Map<string, ResolvedBuyer>();
  const withPhone = buyers.map((b) => ({ ...b, phone: b.phone ? normalizePhone(b.phone) : null }));
  const phoneHash = new Map(withPhone.filter((b) => b.phone).map((b) => [b.ref, deps.pii.hashPhone(b.phone!)]));

  // Lookups by kind: buyer ids are scoped per shop (shop id + key as the value keeps one query per kind).
  const buyerValue = (b: BuyerInput) => `${b.shopId}:${b.buyerKey}`;
  const byBuyer = await wrepo.customersByIdentity(db, tenantId, 'platform_buyer', '', withPhone.filter((b) => b.buyerKey).map(buyerValue));
  const byUnion = await wrepo.customersByIdentity(db, tenantId, 'unionid', '', withPhone.filter((b) => b.unionid).map((b) => b.unionid!));
  const byPhone = await wrepo.customersByIdentity(db, tenantId, 'phone_hash', '', [...phoneHash.values()]);

  const events: DomainEvent[] = [];
  const identities: Parameters<typeof repo.insertIdentities>[1] = [];
  const customers: Parameters<typeof wrepo.insertCustomers>[1] = [];
  const seen = new Map<string, string>(); // identity → customer made earlier in this batch
  for (const b of withPhone) {
    if (out.has(b.ref)) continue;
    const keys = [b.buyerKey ? `b:${buyerValue(b)}` : null, b.unionid ? `u:${b.unionid}` : null, phoneHash.has(b.ref) ? `p:${phoneHash.get(b.ref)}` : null].filter((k): k is string => !!k);
    const known = (b.buyerKey ? byBuyer.get(buyerValue(b)) : undefined) ?? (b.unionid ? byUnion.get(b.unionid) : undefined)
      ?? (phoneHash.has(b.ref) ? byPhone.get(phoneHash.get(b.ref)!) : undefined) ?? keys.map((k) => seen.get(k)).find(Boolean);
    const id = known ?? newId();
    if (!known) {
      customers.push({
        tenant_id: tenantId, id, name: b.name || '平台买家', gender: 'unknown', source: b.source, province: b.province, city: b.city,
        phone_enc: b.phone ? deps.pii.encrypt(b.phone) : null, phone_hash: phoneHash.get(b.ref) ?? null, phone_masked: b.phone ? maskPhone(b.phone) : null,
        search_grams: customerGrams({ name: b.name, phoneLast4: b.phone?.slice(-4) }), created_at: b.at, updated_at: b.at,
      });
      events.push({ type: 'customer.created', aggregateType: 'customer', aggregateId: id, occurredAt: b.at, payload: { source: b.source, by: '订单导入' } });
    }
    for (const k of keys) seen.set(k, id);
    // Every identity this buyer showed is recorded, so the next order by any of them finds the customer.
    if (b.buyerKey && byBuyer.get(buyerValue(b)) !== id) identities.push({ tenant_id: tenantId, kind: 'platform_buyer', scope: '', value: buyerValue(b), customer_id: id });
    if (b.unionid && byUnion.get(b.unionid) !== id) identities.push({ tenant_id: tenantId, kind: 'unionid', scope: '', value: b.unionid, customer_id: id });
    if (phoneHash.has(b.ref) && byPhone.get(phoneHash.get(b.ref)!) !== id) identities.push({ tenant_id: tenantId, kind: 'phone_hash', scope: '', value: phoneHash.get(b.ref)!, customer_id: id });
    out.set(b.ref, { customerId: id, created: !known });
  }
  await wrepo.insertCustomers(db, customers);
  await repo.insertIdentities(db, identities);
  await emit(db, tenantId, events);
  return out;
}

/** Display names of customers (other modules label their rows with them). */
export const customerNames = (deps: Deps, tenantId: string, ids: string[]) => wrepo.namesOf(deps.db, tenantId, ids);
