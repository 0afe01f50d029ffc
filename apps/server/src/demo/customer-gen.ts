// Generates demo customers in column batches (one array per column) for the modules' bulk loads:
// the customer rows, their identities, owners, tags and — optionally — the outbox events that
// the timeline consumer turns into each customer's history.
import { UUID } from 'uuidv7';
import { maskPhone, type DomainEvent, type Pii } from '../core/index.ts';
import { customerGrams, emptyCustomerColumns, emptyTagColumns, type CustomerColumns, type TagColumns } from './ports.ts';
import { CATALOGUE, PRODUCT_LINES, skuTitle, type CatalogueSku, type ProductLine } from './catalogue.ts';
import { birthYearOf, nickname, personName, PHONE_PREFIXES, region, remark, source, type Gender, type Source } from './people.ts';
import { DAY_MS, WINDOW_DAYS, delayMs } from './arrivals.ts';
import { weighted, zipf, type IdSource, type Rng, type Weighted } from './random.ts';
import type { DemoStaff } from './org.ts';
import type { DemoTags, StageTag } from './tags.ts';

/** One batch, in the shapes the owning modules load: customers (with identities and owners), tags, events. */
export type CustomerBatch = { size: number; customers: CustomerColumns; tags: TagColumns; events: DomainEvent[] };

/** Why the demo's tags are on its customers, in the assignments and their events alike. */
export const DEMO_TAG_REASON = '演示数据';

export type GenContext = {
  rng: Rng;
  ids: IdSource;
  pii: Pii;
  now: Date;
  corpId: string;
  events: boolean;
  times: Float64Array; // ascending creation times, one per customer
  staff: DemoStaff[];
  tags: DemoTags;
};

const LINES = PRODUCT_LINES.map((l) => l.line);
const skuPickers = new Map<ProductLine, Weighted<CatalogueSku>>(LINES.map((line) => {
  const skus = CATALOGUE.filter((s) => s.line === line);
  const w = zipf(skus.length, 0.9);
  return [line, weighted(skus.map((s, i) => [s, w[i]] as const))];
}));
const preferenceTag = new Map(PRODUCT_LINES.map((l) => [l.line, l.preferenceTag]));

// Body type (体质) as tonic shops assign it, by what the customer buys.
const constitutionBy = new Map<ProductLine, Weighted<string>>([
  ['阿胶', weighted([['血虚', 45], ['气虚', 35], ['阴虚', 8], ['湿热', 4], ['平和', 8]])],
  ['燕窝', weighted([['阴虚', 45], ['平和', 25], ['气虚', 15], ['血虚', 10], ['湿热', 5]])],
  ['酸枣仁·助眠', weighted([['阴虚', 40], ['气虚', 25], ['血虚', 20], ['平和', 10], ['湿热', 5]])],
  ['人参·黄芪', weighted([['气虚', 60], ['平和', 15], ['阴虚', 10], ['血虚', 10], ['湿热', 5]])],
  ['花草茶·药食同源', weighted([['湿热', 50], ['平和', 25], ['气虚', 10], ['阴虚', 10], ['血虚', 5]])],
]);
const channelTagOf: Partial<Record<Source, string>> = { 包裹卡: '包裹卡', 直播间: '直播间', 公众号: '公众号', 裂变活动: '裂变活动', 门店: '门店' };
const TAG_CAP = weighted([[0, 8], [1, 14], [2, 24], [3, 25], [4, 17], [5, 12]] as const);
const ORDER_SOURCES = new Set<Source>(['包裹卡', '淘宝订单', '抖音订单', '直播间', '门店']);
const PHONE_RATE: Record<Source, number> = { 包裹卡: 0.9, 淘宝订单: 0.9, 抖音订单: 0.88, 直播间: 0.85, 裂变活动: 0.62, 公众号: 0.6, 门店: 0.95, 手动录入: 0.9 };
const UNIONID_RATE: Record<Source, number> = { 包裹卡: 0.5, 淘宝订单: 0.3, 抖音订单: 0.3, 直播间: 0.6, 裂变活动: 0.9, 公众号: 0.95, 门店: 0.5, 手动录入: 0.3 };
const REPEAT_RATE: Record<ProductLine, number> = { '阿胶': 1.3, '燕窝': 1.0, '酸枣仁·助眠': 1.2, '人参·黄芪': 0.7, '花草茶·药食同源': 1.1 };
const SOURCE_LOYALTY: Record<Source, number> = { 包裹卡: 1, 淘宝订单: 0.8, 抖音订单: 0.7, 直播间: 1.2, 裂变活动: 0.5, 公众号: 0.8, 门店: 1.1, 手动录入: 0.9 };

function productLine(rng: Rng, gender: Gender, age: number): ProductLine {
  const w: Record<ProductLine, number> = { '阿胶': 35, '燕窝': 20, '酸枣仁·助眠': 20, '人参·黄芪': 10, '花草茶·药食同源': 15 };
  if (gender === 'male') { w['阿胶'] *= 0.4; w['燕窝'] *= 0.4; w['人参·黄芪'] *= 3; w['酸枣仁·助眠'] *= 1.3; }
  if (age < 32) { w['燕窝'] *= 1.5; w['花草茶·药食同源'] *= 1.3; w['人参·黄芪'] *= 0.5; }
  if (age >= 50) { w['人参·黄芪'] *= 1.6; w['燕窝'] *= 0.7; }
  if (age >= 30 && age < 50) w['酸枣仁·助眠'] *= 1.2;
  let x = rng.next() * LINES.reduce((a, l) => a + w[l], 0);
  for (const l of LINES) if ((x -= w[l]) < 0) return l;
  return '阿胶';
}

/** Unique phones without remembering them: per prefix, an affine bijection of a counter mod 10^8. */
function phoneFactory(rng: Rng) {
  const counters = new Map<string, number>();
  const offsets = new Map<string, number>();
  return () => {
    const prefix = PHONE_PREFIXES.draw(rng);
    const c = counters.get(prefix) ?? 0;
    counters.set(prefix, c + 1);
    if (!offsets.has(prefix)) offsets.set(prefix, rng.int(1e8));
    const suffix = (c * 48_271_117 + offsets.get(prefix)!) % 1e8; // multiplier coprime with 10
    return prefix + String(suffix).padStart(8, '0');
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const pad2 = (n: number) => String(n).padStart(2, '0');

export function createGenerator(ctx: GenContext) {
  const { rng, ids, pii } = ctx;
  const nowMs = ctx.now.getTime();
  const startMs = nowMs - WINDOW_DAYS * DAY_MS;
  const latest = nowMs - 60_000;
  const nowYear = ctx.now.getUTCFullYear();
  const nextPhone = phoneFactory(rng);
  const firstOwners = weighted(ctx.staff.filter((s) => s.role === 'staff' && s.ownerWeight > 0).map((s) => [s, s.ownerWeight] as const));
  const community = ctx.staff.filter((s) => s.community);
  const chat = ctx.staff.filter((s) => s.role === 'staff' && s.ownerWeight > 0 && !s.community);
  const tagId = (name: string) => {
    const t = ctx.tags.get(name);
    if (!t) throw new Error(`demo tag ${name} missing`);
    return t.id;
  };

  const empty = (): CustomerBatch => ({ size: 0, customers: emptyCustomerColumns(), tags: emptyTagColumns(), events: [] });

  function one(b: CustomerBatch, created: number) {
    const id = UUID.fromFieldsV7(Math.floor(created), ids.bits(12), ids.bits(30), ids.bits(32)).toString();
    const createdIso = iso(created);
    const ageDays = (nowMs - created) / DAY_MS;
    const recency = (created - startMs) / (WINDOW_DAYS * DAY_MS);
    const r = rng.next();
    const gender: Gender = r < 0.7 ? 'female' : r < 0.95 ? 'male' : 'unknown';
    const birthYear = birthYearOf(rng, gender, nowYear);
    const age = nowYear - birthYear;
    const name = personName(rng, gender, birthYear);
    const nick = rng.chance(0.8) ? nickname(rng, name, gender, birthYear) : null;
    const place = rng.chance(0.94) ? region(rng) : null;
    const src = source(rng, recency);
    const line = productLine(rng, gender, age);

    // Orders: buyers from shops have one before they add us; repeat buying grows with tenure.
    const bought = ORDER_SOURCES.has(src) || rng.chance(src === '裂变活动' ? 0.4 : src === '公众号' ? 0.55 : 0.8);
    let orders = 0;
    let firstOrder = 0;
    let lastOrder = 0;
    let firstSku: CatalogueSku | null = null;
    let lastSku: CatalogueSku | null = null;
    let crossLine: ProductLine | null = null;
    let spent = 0;
    if (bought) {
      firstSku = skuPickers.get(line)!.draw(rng);
      firstOrder = ORDER_SOURCES.has(src) ? created - (2 + rng.next() * 8) * DAY_MS : Math.min(latest, created + (1 + rng.next() * 20) * DAY_MS);
      const lambda = REPEAT_RATE[line] * SOURCE_LOYALTY[src] * Math.min(1, ageDays / 240);
      const repeats = rng.chance(0.3) ? 0 : rng.poisson(lambda * 1.3);
      orders = 1 + repeats;
      lastSku = firstSku;
      lastOrder = firstOrder;
      const qty = () => (rng.chance(0.7) ? 1 : rng.chance(0.73) ? 2 : 3);
      spent = firstSku.priceFen * qty();
      if (repeats > 0 && firstOrder < latest) {
        lastOrder = firstOrder + (latest - firstOrder) * Math.pow(rng.next(), 0.5);
        if (rng.chance(0.2)) crossLine = productLine(rng, gender, age);
        lastSku = skuPickers.get(crossLine ?? line)!.draw(rng);
        spent += lastSku.priceFen * qty();
        for (let k = 1; k < repeats; k++) spent += skuPickers.get(line)!.draw(rng).priceFen * qty();
      }
    }
    const sinceLastDays = (nowMs - (lastOrder || created)) / DAY_MS;

    // Identities: the phone (hashed, sealed, masked), unionid, WeCom external_userid.
    let phoneEnc: string | null = null, phoneHash: string | null = null, phoneMasked: string | null = null, last4: string | null = null;
    if (rng.chance(PHONE_RATE[src])) {
      const phone = nextPhone();
      phoneEnc = pii.encrypt(phone);
      phoneHash = pii.hashPhone(phone);
      phoneMasked = maskPhone(phone);
      last4 = phone.slice(-4);
      pushIdentity(b, 'phone_hash', '', phoneHash, id, createdIso);
    }
    if (rng.chance(UNIONID_RATE[src])) pushIdentity(b, 'unionid', '', 'oUnion' + ids.base62(22), id, createdIso);
    const friend = rng.chance(src === '淘宝订单' || src === '抖音订单' ? 0.45 : src === '手动录入' ? 0.6 : 0.92);
    if (friend) pushIdentity(b, 'wecom_external_userid', ctx.corpId, 'wm' + ids.base62(30), id, createdIso);

    const birthday = rng.chance(0.35) ? `${birthYear}-${pad2(rng.range(1, 12))}-${pad2(rng.range(1, 28))}` : null;
    const profile = bought
      ? { productLine: line, lastProduct: skuTitle(lastSku!), lastSku: lastSku!.sku, orderCount: orders, totalSpentFen: spent, lastOrderAt: iso(lastOrder) }
      : { productLine: line };

    const c = b.customers.customers;
    c.id.push(id); c.name.push(name); c.nickname.push(nick); c.gender.push(gender);
    c.phoneEnc.push(phoneEnc); c.phoneHash.push(phoneHash); c.phoneMasked.push(phoneMasked);
    c.birthday.push(birthday); c.province.push(place?.province ?? null); c.city.push(place?.city ?? null);
    c.source.push(src); c.remark.push(rng.chance(0.04) ? remark(rng, line) : null);
    c.profile.push(profile);
    c.createdAt.push(createdIso);
    b.size++;

    // Owners: one 1:1 staff member; one in ten is also followed by community staff (or a colleague).
    const owner = firstOwners.draw(rng);
    const events: Array<[number, string, Record<string, unknown>, string | null]> = [];
    events.push([created, 'customer.created', { source: src }, src === '手动录入' ? owner.id : null]);
    const ownedAt = Math.min(latest, created + rng.range(1, 90) * 1000);
    const ownerIds = [owner.id];
    pushOwner(b, id, owner.id, ownedAt);
    events.push([ownedAt, 'customer.owner_added', { staffId: owner.id, staffName: owner.name }, null]);
    if (rng.chance(0.1)) {
      const pool = community.length && rng.chance(0.6) ? community : chat;
      const second = rng.pick(pool);
      if (second.id !== owner.id) {
        const at = Math.min(latest, created + delayMs(rng, 20));
        pushOwner(b, id, second.id, at);
        ownerIds.push(second.id);
        events.push([at, 'customer.owner_added', { staffId: second.id, staffName: second.name }, null]);
      }
    }

    // Tags, most telling first; how many a customer carries varies (0–5).
    const cand: Array<[string, number]> = [];
    const clampT = (t: number) => Math.max(created, Math.min(latest, t));
    let stage: StageTag | null = null;
    let stageAt = created;
    if (ageDays < 45 && orders <= 1) { stage = '新客'; stageAt = created + rng.range(1, 600) * 1000; }
    else if (orders >= 2 && sinceLastDays < 90) { stage = '复购客'; stageAt = lastOrder + delayMs(rng, 0.5); }
    else if (sinceLastDays >= 180) { stage = '沉睡客'; stageAt = (lastOrder || created) + 180 * DAY_MS + delayMs(rng, 3); }
    else if (sinceLastDays >= 90) { stage = '流失预警'; stageAt = (lastOrder || created) + 90 * DAY_MS + delayMs(rng, 2); }
    else if (ageDays < 90) { stage = '新客'; stageAt = created + rng.range(1, 600) * 1000; }
    if (stage) cand.push([stage, stageAt]);
    if (bought || rng.chance(0.7)) cand.push([preferenceTag.get(line)!, created + delayMs(rng, 1)]);
    if (lastSku) cand.push([lastSku.purchaseTag, lastOrder + delayMs(rng, 0.3)]);
    if (src === '裂变活动' && !bought && rng.chance(0.35)) cand.push(['羊毛党风险', created + delayMs(rng, 3)]);
    else if (rng.chance(0.004)) cand.push(['羊毛党风险', created + delayMs(rng, 10)]);
    if (spent >= 150_000 && rng.chance(0.9)) cand.push(['高价值', lastOrder + delayMs(rng, 1)]);
    if ((orders >= 3 && rng.chance(0.08)) || (src === '裂变活动' && orders >= 2 && rng.chance(0.25))) cand.push(['KOC', created + delayMs(rng, 30)]);
    const channel = channelTagOf[src];
    if (channel && rng.chance(0.6)) cand.push([channel, created + delayMs(rng, 0.1)]);
    if (rng.chance(0.3)) cand.push([constitutionBy.get(line)!.draw(rng), created + delayMs(rng, 15)]);
    if (crossLine && crossLine !== line) cand.push([preferenceTag.get(crossLine)!, lastOrder + delayMs(rng, 1)]);
    if (firstSku && lastSku && firstSku.purchaseTag !== lastSku.purchaseTag) cand.push([firstSku.purchaseTag, firstOrder + delayMs(rng, 0.3)]);
    const cap = TAG_CAP.draw(rng);
    const tagIds: string[] = [];
    for (const [name, at] of cand.slice(0, cap)) {
      const t = clampT(at);
      const tid = tagId(name);
      tagIds.push(tid);
      b.tags.customerId.push(id); b.tags.tagId.push(tid); b.tags.assignedBy.push(owner.id); b.tags.assignedAt.push(iso(t));
      events.push([t, 'tag.assigned', { tagId: tid, tagName: name, reason: DEMO_TAG_REASON, by: owner.name, source: 'manual' }, owner.id]);
    }

    c.grams.push(customerGrams({ name, nickname: nick, phoneLast4: last4, ownerIds, tagIds }));

    if (ctx.events) {
      events.sort((x, y) => x[0] - y[0]);
      for (const [at, type, payload, actorId] of events) {
        b.events.push({ type, aggregateType: 'customer', aggregateId: id, payload, actorId, occurredAt: new Date(at) });
      }
    }
  }

  function pushIdentity(b: CustomerBatch, kind: string, scope: string, value: string, customerId: string, at: string) {
    const i = b.customers.identities;
    i.kind.push(kind); i.scope.push(scope); i.value.push(value); i.customerId.push(customerId); i.createdAt.push(at);
  }
  function pushOwner(b: CustomerBatch, customerId: string, staffId: string, at: number) {
    const o = b.customers.owners;
    o.customerId.push(customerId); o.staffId.push(staffId); o.since.push(iso(at));
  }

  /** Customers [from, to) of the run; yields to the event loop now and then so inserts proceed. */
  return async function batch(from: number, to: number): Promise<CustomerBatch> {
    const b = empty();
    for (let i = from; i < to; i++) {
      one(b, ctx.times[i]);
      if ((i - from) % 500 === 499) await new Promise((r) => setImmediate(r));
    }
    return b;
  };
}
