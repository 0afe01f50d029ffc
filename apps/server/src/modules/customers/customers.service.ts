// Customers: create, read (always masked), update, list with search and filters, reveal (audited).
import type { Deps } from '../../deps.ts';
import type { CustomerCondition } from './customers.repo.ts';
import { audit, emit, forbidden, invalid, maskId, maskPhone, newId, normalizePhone, notFound } from '../../core/index.ts';
import { dataScope, staffNames, isAdmin, type Actor } from '../tenancy/index.ts';
import type { CustomerCreateInput, CustomerUpdateInput } from '@siyu/contracts';
import * as repo from './customers.repo.ts';
import * as staffCounts from './staff-counts.repo.ts';
import * as timelineRepo from './timeline.repo.ts';
import { customerGrams, queryGrams } from './search-grams.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { customersDb } from './customers.tables.ts';
import { noChannels, type ChannelPort } from './channel-port.ts';
import { channelStateOf, titleOf } from './timeline.consumer.ts';

export const COUNT_CAP = 1_000;
const COUNT_BUDGET_MS = 150;

/** 404 unless the customer exists in the actor's tenant AND inside the actor's data scope. */
export async function visibleCustomer(deps: Deps, actor: Actor, id: string) {
  const c = await repo.findCustomer(deps.db, actor.tenantId, id);
  if (!c) throw notFound('客户');
  const scope = await dataScope(deps, actor);
  if (scope.kind === 'staff' && !(await repo.isOwnedByAny(deps.db, actor.tenantId, id, scope.staffIds))) throw notFound('客户');
  return c;
}

export async function listCustomers(deps: Deps, actor: Actor, query: { q?: string; ownerStaffId?: string; tagIds?: string[]; cursor?: string; limit: number }, extra: CustomerCondition[] = []) {
  const scope = await dataScope(deps, actor);
  const f: repo.CustomerFilter = { tenantId: actor.tenantId, ownerStaffId: query.ownerStaffId, tagIds: query.tagIds, extra };
  if (scope.kind === 'staff') f.staffIds = scope.staffIds;
  const q = query.q?.trim();
  if (q) {
    const phone = normalizePhone(q);
    if (phone) f.phoneHash = deps.pii.hashPhone(phone);
    else if (/^\d{4}$/.test(q)) f.grams = [`p:${q}`];
    else {
      f.grams = queryGrams(q);
      if (Array.from(q).length > 2) f.textLike = q; // grams narrow it down; the text itself confirms order
    }
  }
  const before = query.cursor ? decodeCursor(query.cursor) : undefined;
  if (query.cursor && !before) throw invalid('分页游标无效，请从第一页重新开始');
  // The count is the expensive half of a page: only the first page asks for it.
  const [rows, total] = await Promise.all([
    repo.listCustomers(deps.db, { ...f, beforeId: before }, query.limit + 1),
    before ? Promise.resolve(null) : repo.countCustomers(deps.db, f, COUNT_CAP, COUNT_BUDGET_MS),
  ]);
  const page = rows.slice(0, query.limit);
  const [owners, names] = await Promise.all([repo.ownersOf(deps.db, actor.tenantId, page.map((r) => r.id)), staffNames(deps, actor.tenantId)]);
  return {
    page: page.map((r) => ({
      id: r.id, name: r.name, nickname: r.nickname, avatarUrl: r.avatar_url, gender: r.gender, phoneMasked: r.phone_masked,
      province: r.province, city: r.city, source: r.source, createdAt: r.created_at.toISOString(),
      owners: owners.filter((o) => o.customer_id === r.id).map((o) => ({ staffId: o.staff_id, name: names.get(o.staff_id) ?? '—' })),
    })),
    nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1].id) : null,
    total: total === null ? null : Math.min(total, COUNT_CAP),
    totalCapped: total !== null && total > COUNT_CAP,
  };
}

export async function customerDetail(deps: Deps, actor: Actor, id: string) {
  const c = await visibleCustomer(deps, actor, id);
  const [identities, owners, names] = await Promise.all([
    repo.identitiesOf(deps.db, actor.tenantId, id), repo.ownersOf(deps.db, actor.tenantId, [id]), staffNames(deps, actor.tenantId),
  ]);
  return {
    id: c.id, name: c.name, nickname: c.nickname, avatarUrl: c.avatar_url, gender: c.gender, phoneMasked: c.phone_masked,
    province: c.province, city: c.city, source: c.source, birthday: c.birthday ? String(c.birthday).slice(0, 10) : null,
    remark: c.remark, profile: c.profile, createdAt: c.created_at.toISOString(), updatedAt: c.updated_at.toISOString(),
    owners: owners.map((o) => ({ staffId: o.staff_id, name: names.get(o.staff_id) ?? '—' })),
    identities: identities.map((i) => ({
      kind: i.kind as 'unionid', scope: i.scope || null, createdAt: i.created_at.toISOString(),
      // a phone identity is already a keyed hash; platform ids are masked like any personal id
      valueMasked: i.kind === 'phone_hash' ? `${i.value.slice(0, 6)}…` : maskId(i.value),
    })),
  };
}

function phoneColumns(deps: Deps, raw: string | null | undefined) {
  if (raw === undefined) return {};
  if (raw === null) return { phone_enc: null, phone_hash: null, phone_masked: null };
  const phone = normalizePhone(raw);
  if (!phone) throw invalid('手机号应为 11 位数字');
  return { phone_enc: deps.pii.encrypt(phone), phone_hash: deps.pii.hashPhone(phone), phone_masked: maskPhone(phone) };
}

export async function createCustomer(deps: Deps, actor: Actor, input: CustomerCreateInput) {
  const id = newId();
  const phone = phoneColumns(deps, input.phone);
  const owner = input.ownerStaffId ?? actor.staffId;
  if (owner !== actor.staffId && !isAdmin(actor)) throw forbidden('只有管理员可以把客户分配给其他员工');
  await customersDb(deps.db).transaction().execute(async (trx) => {
    await repo.insertCustomer(trx, {
      tenant_id: actor.tenantId, id, name: input.name, gender: input.gender, province: input.province ?? null, city: input.city ?? null,
      remark: input.remark ?? null, source: '手动录入', ...phone,
      search_grams: customerGrams({ name: input.name, phoneLast4: input.phone ? normalizePhone(input.phone)?.slice(-4) : null }),
    });
    // addOwner (below) adds the owner's scope token to search_grams
    if (phone.phone_hash) await repo.insertIdentities(trx, [{ tenant_id: actor.tenantId, kind: 'phone_hash', scope: '', value: phone.phone_hash, customer_id: id }]);
    await repo.addOwner(trx, actor.tenantId, id, owner);
    await emit(trx, actor.tenantId, [
      { type: 'customer.created', aggregateType: 'customer', aggregateId: id, actorId: actor.staffId, payload: { source: '手动录入', by: actor.name } },
      { type: 'customer.owner_added', aggregateType: 'customer', aggregateId: id, actorId: actor.staffId, payload: { staffId: owner } },
    ]);
  });
  return customerDetail(deps, actor, id);
}

export async function updateCustomer(deps: Deps, actor: Actor, id: string, input: CustomerUpdateInput) {
  const c = await visibleCustomer(deps, actor, id);
  const phone = phoneColumns(deps, input.phone);
  const name = input.name ?? c.name;
  const last4 = input.phone === undefined ? c.phone_masked?.slice(-4) : input.phone ? normalizePhone(input.phone)!.slice(-4) : null;
  const changed = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
  await customersDb(deps.db).transaction().execute(async (trx) => {
    await repo.updateCustomer(trx, actor.tenantId, id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.gender !== undefined && { gender: input.gender }),
      ...(input.birthday !== undefined && { birthday: input.birthday }),
      ...(input.remark !== undefined && { remark: input.remark }),
      ...(input.province !== undefined && { province: input.province }),
      ...(input.city !== undefined && { city: input.city }),
      ...phone,
      updated_at: deps.clock.now(),
    });
    await repo.replaceTextGrams(trx, actor.tenantId, id, customerGrams({ name, nickname: c.nickname, phoneLast4: last4 }));
    if (phone.phone_hash) await repo.insertIdentities(trx, [{ tenant_id: actor.tenantId, kind: 'phone_hash', scope: '', value: phone.phone_hash, customer_id: id }]);
    await emit(trx, actor.tenantId, [{ type: 'customer.updated', aggregateType: 'customer', aggregateId: id, actorId: actor.staffId, payload: { fields: changed, by: actor.name } }]);
  });
  return customerDetail(deps, actor, id);
}

/** The plain phone, for admins only, with a reason; every reveal is in the audit log. */
export async function revealPhone(deps: Deps, actor: Actor, id: string, reason: string, ip: string | null) {
  if (!isAdmin(actor)) throw forbidden('只有管理员可以查看完整手机号');
  const c = await visibleCustomer(deps, actor, id);
  await audit(deps.db, { tenantId: actor.tenantId, actorId: actor.staffId, action: 'customer.phone.reveal', targetType: 'customer', targetId: id, detail: { reason }, ip });
  return { phone: c.phone_enc ? deps.pii.decrypt(c.phone_enc) : null };
}

export async function timeline(deps: Deps, actor: Actor, id: string, channels: ChannelPort = noChannels) {
  await visibleCustomer(deps, actor, id);
  const rows = await timelineRepo.timelineOf(deps.db, actor.tenantId, id, 200);
  // A friend added by a channel code is titled by the code's name as it is today (the entry keeps
  // the state and the staff id; older entries kept the staff name too).
  const states = rows.flatMap((r) => channelStateOf(r.kind, r.detail) ?? []);
  const [names, staff] = states.length
    ? await Promise.all([channels.stateNames(deps, actor.tenantId, states), staffNames(deps, actor.tenantId)])
    : [new Map<string, string>(), new Map<string, string>()];
  const title = (r: (typeof rows)[number]) => {
    if (!channelStateOf(r.kind, r.detail)) return r.title;
    const d = r.detail ?? {};
    const staffName = d.staffName ?? (typeof d.staffId === 'string' ? staff.get(d.staffId) : undefined) ?? null;
    return titleOf({ type: r.kind, payload: { ...d, staffName } }, names) ?? r.title;
  };
  // An entry is known by its event: the id is the event's.
  return rows.map((r) => ({ id: String(r.event_id), kind: r.kind, title: title(r), detail: r.detail, occurredAt: r.occurred_at.toISOString() }));
}

export async function stats(deps: Deps, actor: Actor) {
  const scope = await dataScope(deps, actor);
  const since = new Date(deps.clock.now().getTime() - 30 * 86_400_000);
  return repo.stats(deps.db, actor.tenantId, scope.kind === 'all' ? null : scope.staffIds, actor.staffId, since);
}

/** Customers per staff member, as kept with the owner rows (staff-counts.repo.ts): one row per staff member. */
export const customerCountsByStaff = (deps: Deps, tenantId: string) => staffCounts.customerCountsByStaff(deps.db, tenantId);
/** The same, counted from the owner rows (what the kept counts must equal). */
export const countedCustomersByStaff = (deps: Deps, tenantId: string) => staffCounts.countedCustomersByStaff(deps.db, tenantId);
