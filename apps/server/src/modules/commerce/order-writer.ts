// Writes order records — from an export chunk or an API page — in ONE transaction: products and
// SKUs found or made, buyers resolved to customers, orders inserted or updated, items replaced.
// An order is never half-written, and a record that is already stored as it is changes nothing
// (a content hash per order: order fields, then items), so the same file twice is a no-op and a
// newer export updates statuses, refunds and amounts.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import { maskPhone, newId, normalizePhone } from '../../core/index.ts';
import { resolveBuyers, type BuyerInput } from '../customers/index.ts';
import type { ItemRecord, OrderRecord, Platform } from '@siyu/order-exports';
import * as orders from './orders.repo.ts';
import * as catalogue from './catalogue.repo.ts';
import { PLATFORM_NAMES } from './shops.service.ts';
import { commerceDb } from './commerce.tables.ts';
import { countOrderChanges, type CustomerChange } from './shop-buyers.ts';

export type WriteContext = { tenantId: string; shopId: string; platform: Platform; importId: string | null; source: 'import' | 'api' };
/** itemsOnly: a 宝贝报表 row set without its 订单报表 row — items are written, order fields left as stored. */
export type WriteRecord = OrderRecord & { itemsOnly?: boolean };
export type WriteStats = {
  ordersNew: number; ordersUpdated: number; ordersUnchanged: number; ordersFlagged: number; items: number;
  productsNew: number; skusNew: number; customersNew: number; customersMatched: number;
};
export const emptyStats = (): WriteStats => ({ ordersNew: 0, ordersUpdated: 0, ordersUnchanged: 0, ordersFlagged: 0, items: 0, productsNew: 0, skusNew: 0, customersNew: 0, customersMatched: 0 });
export function addStats(a: WriteStats, b: WriteStats): WriteStats {
  const out = { ...a };
  for (const k of Object.keys(b) as Array<keyof WriteStats>) out[k] += b[k];
  return out;
}

const hash = (v: unknown) => crypto.createHash('sha1').update(JSON.stringify(v)).digest('base64url').slice(0, 16);
const time = (d: Date | null) => (d ? d.getTime() : null);
function orderHash(r: OrderRecord) {
  return hash([r.status, r.rawStatus, r.refundState, time(r.createdAt), time(r.paidAt), time(r.shippedAt), time(r.finishedAt), time(r.modifiedAt),
    r.totalFen, r.paidFen, r.postFen, r.discountFen, r.refundFen, r.buyerKey, r.province, r.city, r.district, r.receiverName, r.receiverPhoneMasked,
    r.buyerMessage, r.sellerMemo, r.phone ? 'p' : null]);
}
const itemsHash = (items: ItemRecord[]) => hash(items.map((i) => [i.subOrderId, i.productId, i.skuId, i.outerCode, i.title, i.properties, i.priceFen, i.quantity, i.amountFen, i.refundState, i.refundFen, i.rawStatus]));

const normTitle = (t: string) => t.replace(/\s+/g, ' ').trim().slice(0, 200);
const productKey = (p: Platform, i: ItemRecord) => (i.productId ? `p:${p}:${i.productId}` : `t:${normTitle(i.title)}`);
const skuKey = (p: Platform, i: ItemRecord) => (i.outerCode ? `c:${i.outerCode}` : i.skuId ? `s:${p}:${i.skuId}` : `v:${productKey(p, i)}|${i.properties ?? ''}`);
const maskName = (n: string | null) => (!n ? null : /\*/.test(n) ? n : n.length <= 1 ? '*' : `${Array.from(n)[0]}${'*'.repeat(Math.min(Array.from(n).length - 1, 3))}`);

/** Records of the same order in one chunk become one (a file may list an order's lines apart). */
function mergeSameOrder(records: WriteRecord[]): WriteRecord[] {
  const byNo = new Map<string, WriteRecord>();
  for (const r of records) {
    const prev = byNo.get(r.orderId);
    if (!prev) { byNo.set(r.orderId, { ...r, items: r.items ? [...r.items] : null }); continue; }
    const items = prev.items || r.items ? [...(prev.items ?? []), ...(r.items ?? [])] : null;
    byNo.set(r.orderId, prev.itemsOnly && !r.itemsOnly ? { ...r, items } : { ...prev, items, itemsOnly: prev.itemsOnly && r.itemsOnly });
  }
  return [...byNo.values()];
}

export async function writeOrders(deps: Deps, ctx: WriteContext, input: WriteRecord[]): Promise<WriteStats> {
  const stats = emptyStats();
  const records = mergeSameOrder(input);
  if (records.length === 0) return stats;
  const { tenantId, platform } = ctx;
  return commerceDb(deps.db).transaction().execute(async (trx) => {
    // An import's chunks need not wait for the disk one by one: the import's final status commit
    // flushes the log up to and including all of them, and a crash before it leaves an import the
    // operator re-runs (writes are idempotent). API pages commit synchronously.
    if (ctx.source === 'import') await sql`set local synchronous_commit = off`.execute(trx);
    const d = { ...deps, db: trx };
    // Catalogue
    const items = records.flatMap((r) => r.items ?? []);
    const products = new Map<string, catalogue.ProductSeed>();
    for (const i of items) { const k = productKey(platform, i); if (!products.has(k)) products.set(k, { id: newId(), key: k, name: normTitle(i.title) || '未命名商品', platform }); }
    const p = await catalogue.ensureProducts(trx, tenantId, [...products.values()]);
    const skuSeeds = new Map<string, catalogue.SkuSeed & { productId: string }>();
    for (const i of items) {
      const k = skuKey(platform, i);
      if (!skuSeeds.has(k)) skuSeeds.set(k, { id: newId(), key: k, productKey: productKey(platform, i), productId: p.ids.get(productKey(platform, i))!, outerCode: i.outerCode, platformSkuId: i.skuId, properties: i.properties, priceFen: i.priceFen });
    }
    const s = await catalogue.ensureSkus(trx, tenantId, [...skuSeeds.values()]);
    stats.productsNew = p.created;
    stats.skusNew = s.created;

    // Buyers → customers
    const buyers: BuyerInput[] = records.filter((r) => !r.itemsOnly && (r.buyerKey || r.unionid || (r.phone && normalizePhone(r.phone)))).map((r) => ({
      ref: r.orderId, shopId: ctx.shopId, buyerKey: r.buyerKey, unionid: r.unionid, phone: r.phone, name: r.buyerNick ?? r.receiverName ?? '',
      province: r.province, city: r.city, source: `${PLATFORM_NAMES[platform]}订单`, at: r.createdAt ?? r.paidAt ?? deps.clock.now(),
    }));
    const customers = await resolveBuyers(d, tenantId, buyers);
    for (const c of new Set([...customers.values()].filter((c) => c.created).map((c) => c.customerId))) if (c) stats.customersNew++;
    stats.customersMatched = new Set([...customers.values()].filter((c) => !c.created).map((c) => c.customerId)).size;

    // Orders
    const existing = await orders.existingOrders(trx, tenantId, ctx.shopId, records.map((r) => r.orderId));
    const inserts: orders.OrderRow[] = [];
    const updates: orders.OrderRow[] = [];
    const itemSummaries: Array<{ id: string; item_count: number; titles: string; content_hash: string }> = [];
    const itemRows: orders.ItemRow[] = [];
    const replaced: string[] = [];
    const unchanged: string[] = [];
    for (const r of records) {
      if (r.idSuspect) stats.ordersFlagged++;
      const have = existing.get(r.orderId);
      const [oldOrder, oldItems] = (have?.content_hash ?? '.').split('.');
      const ih = r.items ? itemsHash(r.items) : oldItems || '-';
      const oh = r.itemsOnly ? oldOrder || hash(['items-only', r.rawStatus]) : orderHash(r);
      const orderChanged = !have || (!r.itemsOnly && oh !== oldOrder);
      const itemsChanged = !!r.items && ih !== oldItems;
      if (have && !orderChanged && !itemsChanged) { stats.ordersUnchanged++; unchanged.push(have.id); continue; }
      const id = have?.id ?? newId();
      const list = r.items ?? [];
      const phone = r.phone ? normalizePhone(r.phone) : null;
      const row: orders.OrderRow = {
        id, order_no: r.orderId, id_suspect: r.idSuspect, status: r.status, raw_status: r.rawStatus, refund_state: r.refundState,
        created_at: r.createdAt, paid_at: r.paidAt, shipped_at: r.shippedAt, finished_at: r.finishedAt, modified_at: r.modifiedAt,
        total_fen: r.totalFen ?? (r.itemsOnly ? sumFen(list) : null), paid_fen: r.paidFen ?? (r.itemsOnly ? sumFen(list) : null), post_fen: r.postFen,
        discount_fen: r.discountFen, refund_fen: r.refundFen, buyer_key: r.buyerKey, buyer_nick: r.buyerNick,
        customer_id: customers.get(r.orderId)?.customerId ?? null,
        receiver_name_masked: maskName(r.receiverName), receiver_phone_masked: r.receiverPhoneMasked ?? (phone ? maskPhone(phone) : null),
        phone_enc: phone ? deps.pii.encrypt(phone) : null, phone_hash: phone ? deps.pii.hashPhone(phone) : null,
        province: r.province, city: r.city, district: r.district, buyer_message: r.buyerMessage, seller_memo: r.sellerMemo,
        item_count: list.length, titles: list.slice(0, 3).map((i) => normTitle(i.title)).join('，').slice(0, 300), content_hash: `${oh}.${ih}`,
      };
      if (!have) { inserts.push(row); stats.ordersNew++; }
      else {
        stats.ordersUpdated++;
        if (orderChanged) updates.push(r.items ? row : { ...row, item_count: -1 });
        else itemSummaries.push({ id, item_count: row.item_count, titles: row.titles, content_hash: row.content_hash });
      }
      if (r.items) {
        if (have) replaced.push(id);
        const seen = new Map<string, number>();
        for (const i of r.items) {
          const base = i.subOrderId ?? `${skuKey(platform, i)}`;
          const n = (seen.get(base) ?? 0) + 1;
          seen.set(base, n);
          itemRows.push({
            order_id: id, line_key: n > 1 ? `${base}#${n}` : base, sub_order_id: i.subOrderId, product_id: p.ids.get(productKey(platform, i)) ?? null,
            sku_id: s.ids.get(skuKey(platform, i)) ?? null, outer_code: i.outerCode, title: normTitle(i.title), properties: i.properties,
            price_fen: i.priceFen, quantity: i.quantity, amount_fen: i.amountFen, refund_state: i.refundState, refund_fen: i.refundFen, raw_status: i.rawStatus,
          });
        }
      }
    }
    await orders.insertOrders(trx, tenantId, ctx, inserts);
    await orders.updateOrders(trx, tenantId, ctx.importId, updates.filter((u) => u.item_count >= 0));
    await orders.updateOrdersKeepItems(trx, tenantId, ctx.importId, updates.filter((u) => u.item_count < 0));
    await orders.setItemSummaries(trx, tenantId, itemSummaries);
    await orders.replaceItems(trx, tenantId, replaced, itemRows);
    if (ctx.importId) await orders.touchImport(trx, tenantId, ctx.importId, unchanged);
    // Orders and buyers per shop: new orders, and orders whose customer the write changed (an
    // update keeps the stored customer unless the record names one: coalesce in updateOrders).
    const changes: CustomerChange[] = inserts.map((o) => ({ shopId: ctx.shopId, from: null, to: o.customer_id }));
    for (const u of updates) {
      const from = existing.get(u.order_no)!.customer_id;
      changes.push({ shopId: ctx.shopId, from, to: u.customer_id ?? from });
    }
    await countOrderChanges(d, tenantId, changes, new Map([[ctx.shopId, inserts.length]]));
    stats.items = itemRows.length;
    return stats;
  });
}

function sumFen(items: ItemRecord[]): number | null {
  let total = 0;
  for (const i of items) {
    const v = i.amountFen ?? (i.priceFen !== null ? i.priceFen * i.quantity : null);
    if (v === null) return null;
    total += v;
  }
  return total;
}
