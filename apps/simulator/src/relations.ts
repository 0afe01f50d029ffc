// Member ↔ customer relations (a "follow"). Stored by member (the batch/get_by_user order); the
// reverse index (customer → members) is derived, kept beside the state and rebuilt on demand.
import type { CorpState, Customer, Relation } from './state.ts';

const followers = new WeakMap<CorpState, Map<string, Set<string>>>();
// Per-member key lists for paging (batch/get_by_user walks 50k-customer members page by page);
// any put or remove for that member drops its cached list.
const keyCache = new WeakMap<Record<string, Relation>, string[]>();

function index(corp: CorpState): Map<string, Set<string>> {
  let idx = followers.get(corp);
  if (!idx) {
    idx = new Map();
    for (const [userid, byExt] of Object.entries(corp.relations)) {
      for (const ext of Object.keys(byExt)) {
        let s = idx.get(ext);
        if (!s) idx.set(ext, (s = new Set()));
        s.add(userid);
      }
    }
    followers.set(corp, idx);
  }
  return idx;
}

export function getRelation(corp: CorpState, userid: string, ext: string): Relation | undefined {
  return corp.relations[userid]?.[ext];
}

export function putRelation(corp: CorpState, rel: Relation): void {
  const byExt = (corp.relations[rel.userid] ??= {});
  if (!(rel.external_userid in byExt)) keyCache.delete(byExt);
  byExt[rel.external_userid] = rel;
  const idx = followers.get(corp);
  if (idx) {
    let s = idx.get(rel.external_userid);
    if (!s) idx.set(rel.external_userid, (s = new Set()));
    s.add(rel.userid);
  }
}

export function removeRelation(corp: CorpState, userid: string, ext: string): Relation | undefined {
  const byExt = corp.relations[userid];
  const rel = byExt?.[ext];
  if (!rel) return undefined;
  delete byExt[ext];
  keyCache.delete(byExt);
  followers.get(corp)?.get(ext)?.delete(userid);
  return rel;
}

/** Relations of a customer, in the order members added them. */
export function followersOf(corp: CorpState, ext: string): Relation[] {
  const users = index(corp).get(ext);
  if (!users) return [];
  const out: Relation[] = [];
  for (const u of users) {
    const r = corp.relations[u]?.[ext];
    if (r) out.push(r);
  }
  return out.sort((a, b) => a.createtime - b.createtime);
}

export function customersOf(corp: CorpState, userid: string): Relation[] {
  return Object.values(corp.relations[userid] ?? {});
}

/** external_userids of a member's customers, in the order they were added (cached until changed). */
export function customerIdsOf(corp: CorpState, userid: string): string[] {
  const byExt = corp.relations[userid];
  if (!byExt) return [];
  let keys = keyCache.get(byExt);
  if (!keys) keyCache.set(byExt, (keys = Object.keys(byExt)));
  return keys;
}

export function countRelations(corp: CorpState): number {
  let n = 0;
  for (const byExt of Object.values(corp.relations)) n += Object.keys(byExt).length;
  return n;
}

export function newRelation(userid: string, ext: string, createtime: number, fields: Partial<Relation> = {}): Relation {
  return {
    userid, external_userid: ext, remark: '', description: '', createtime, tag_ids: [], remark_corp_name: '',
    remark_mobiles: [], oper_userid: ext, add_way: 0, ...fields,
  };
}

/** external_contact as WeCom returns it: unionid only when known, company fields only for WeCom users. */
export function externalContactView(c: Customer): Record<string, unknown> {
  const v: Record<string, unknown> = { external_userid: c.external_userid, name: c.name, type: c.type, avatar: c.avatar, gender: c.gender };
  if (c.unionid) v.unionid = c.unionid;
  if (c.type === 2) {
    v.position = c.position ?? '';
    v.corp_name = c.corp_name ?? '';
    v.corp_full_name = c.corp_full_name ?? '';
  }
  return v;
}

function common(r: Relation): Record<string, unknown> {
  const v: Record<string, unknown> = { userid: r.userid, remark: r.remark, description: r.description, createtime: r.createtime };
  return v;
}

function tail(r: Relation, v: Record<string, unknown>): Record<string, unknown> {
  if (r.remark_corp_name) v.remark_corp_name = r.remark_corp_name;
  v.remark_mobiles = r.remark_mobiles;
  v.oper_userid = r.oper_userid;
  v.add_way = r.add_way;
  if (r.state) v.state = r.state;
  return v;
}

/** follow_user[] entry of externalcontact/get: tags with their names. */
export function followUserView(corp: CorpState, r: Relation): Record<string, unknown> {
  const v = common(r);
  const tags: Array<Record<string, unknown>> = [];
  for (const id of r.tag_ids) {
    const found = findTag(corp, id);
    if (found) tags.push({ group_name: found.group.group_name, tag_name: found.tag.name, tag_id: id, type: 1 });
  }
  v.tags = tags;
  return tail(r, v);
}

/** follow_info of batch/get_by_user: corp tag ids only. */
export function followInfoView(r: Relation): Record<string, unknown> {
  const v = common(r);
  v.tag_id = [...r.tag_ids];
  return tail(r, v);
}

export function findTag(corp: CorpState, id: string) {
  for (const group of corp.tag_groups) {
    const tag = group.tags.find((t) => t.id === id);
    if (tag) return { group, tag };
  }
  return undefined;
}
