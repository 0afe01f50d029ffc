// Bulk loading (demo seeds, big sync tests): state goes in directly, without callbacks. Built for
// 50,000 contacts in one request: set lookups only, everything validated before anything is
// written so a bad row leaves the corp untouched.
import type { FastifyInstance } from 'fastify';
import type { CorpState, Group, GroupMember, Tag, TagGroup } from './state.ts';
import type { ScenarioDeps } from './scenario-http.ts';
import type { Sim } from './sim-context.ts';
import { badRequest } from './errors.ts';
import { requireCorp } from './sim-context.ts';
import { simRoute } from './scenario-http.ts';
import { optNum, optStr, str } from './body-fields.ts';
import { newChatId, newExternalUserid, newMemberVersion, newTagId, unique } from './ids.ts';
import { newRelation, putRelation } from './relations.ts';
import { upsertDepartment, upsertMember } from './scenario-corps.ts';
import { createCustomer } from './customer-ops.ts';
import { groupView, tagCount } from './api-tags.ts';

type Row = Record<string, unknown>;

function rows(body: Row, key: string): Row[] {
  const v = body[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw badRequest(`${key} must be an array`);
  return v as Row[];
}

function loadTags(sim: Sim, corp: CorpState, groups: Row[]) {
  const now = sim.now();
  const ids = new Set<string>();
  for (const g of corp.tag_groups) for (const t of [g.group_id, ...g.tags.map((x) => x.id)]) ids.add(t);
  const taken = (id: string) => ids.has(id);
  const touched: TagGroup[] = [];
  for (const row of groups) {
    const gid = optStr(row, 'group_id');
    const gname = str(row, 'group_name');
    let g = corp.tag_groups.find((x) => (gid ? x.group_id === gid : x.group_name === gname));
    if (!g) {
      g = { group_id: gid ?? unique(newTagId, taken), group_name: gname, order: optNum(row, 'order') ?? 0, create_time: optNum(row, 'create_time') ?? now, creator_agentid: null, tags: [] };
      ids.add(g.group_id);
      corp.tag_groups.push(g);
    }
    for (const t of rows(row, 'tag')) {
      const name = str(t, 'name');
      if (g.tags.some((x) => x.name === name)) continue; // re-seeding keeps existing tags and their ids
      const tag: Tag = { id: optStr(t, 'id') ?? unique(newTagId, taken), name, order: optNum(t, 'order') ?? 0, create_time: optNum(t, 'create_time') ?? now, creator_agentid: null };
      ids.add(tag.id);
      g.tags.push(tag);
    }
    touched.push(g);
  }
  if (tagCount(corp) > sim.limits.corpTags) throw badRequest(`more than ${sim.limits.corpTags} tags`);
  return touched.map((g) => groupView(g));
}

function checkContacts(contacts: Row[], members: Set<string>, tagIds: Set<string>) {
  const seen = new Set<string>();
  contacts.forEach((c, i) => {
    if (typeof c.name !== 'string' || c.name === '') throw badRequest(`contacts[${i}].name is required`);
    const ext = c.external_userid;
    if (ext !== undefined && (typeof ext !== 'string' || seen.has(ext))) throw badRequest(`contacts[${i}].external_userid is invalid or repeated`);
    if (typeof ext === 'string') seen.add(ext);
    if (c.type !== undefined && c.type !== 1 && c.type !== 2) throw badRequest(`contacts[${i}].type must be 1 or 2`);
    if (c.gender !== undefined && c.gender !== 0 && c.gender !== 1 && c.gender !== 2) throw badRequest(`contacts[${i}].gender must be 0, 1 or 2`);
    for (const f of rows(c, 'follow')) {
      if (typeof f.userid !== 'string' || !members.has(f.userid)) throw badRequest(`contacts[${i}].follow: no member ${String(f.userid)}`);
      for (const id of (f.tag_id ?? []) as string[]) if (!tagIds.has(id)) throw badRequest(`contacts[${i}].follow: no tag ${id}`);
    }
  });
}

function loadContacts(sim: Sim, corp: CorpState, contacts: Row[]): string[] {
  const now = sim.now();
  return contacts.map((c) => {
    const ext = (c.external_userid as string | undefined) ?? unique(newExternalUserid, (id) => id in corp.customers);
    delete corp.customers[ext]; // re-seeding replaces the profile
    const customer = createCustomer(sim, corp, { ...c, external_userid: ext });
    for (const f of rows(c, 'follow')) {
      const rel = newRelation(f.userid as string, customer.external_userid, (f.createtime as number | undefined) ?? now, {
        add_way: (f.add_way as number | undefined) ?? 0, remark: (f.remark as string | undefined) ?? '', description: (f.description as string | undefined) ?? '',
        tag_ids: [...((f.tag_id ?? []) as string[])],
      });
      if (typeof f.state === 'string' && f.state) rel.state = f.state;
      putRelation(corp, rel);
    }
    return customer.external_userid;
  });
}

function loadGroups(sim: Sim, corp: CorpState, groups: Row[]): string[] {
  const now = sim.now();
  return groups.map((row, i) => {
    const owner = str(row, 'owner');
    if (!corp.members[owner]) throw badRequest(`groups[${i}]: no member ${owner}`);
    const create_time = optNum(row, 'create_time') ?? now;
    const members: GroupMember[] = rows(row, 'members').map((m) => {
      const ext = optStr(m, 'external_userid');
      const userid = ext ?? str(m, 'userid');
      if (ext ? !corp.customers[ext] : !corp.members[userid]) throw badRequest(`groups[${i}]: unknown member ${userid}`);
      const gm: GroupMember = {
        userid, type: ext ? 2 : ((optNum(m, 'type') as 1 | 2 | undefined) ?? 1), join_time: optNum(m, 'join_time') ?? create_time,
        join_scene: optNum(m, 'join_scene') ?? 1, group_nickname: optStr(m, 'group_nickname') ?? '',
      };
      const invitor = optStr(m, 'invitor');
      if (invitor) gm.invitor = invitor;
      const state = optStr(m, 'state');
      if (state) gm.state = state;
      return gm;
    });
    if (!members.some((m) => m.userid === owner)) members.unshift({ userid: owner, type: 1, join_time: create_time, join_scene: 1, group_nickname: '' });
    const g: Group = {
      chat_id: optStr(row, 'chat_id') ?? unique(newChatId, (id) => id in corp.groups), name: str(row, 'name'), owner, create_time,
      notice: optStr(row, 'notice') ?? '', members, admin_list: [], member_version: newMemberVersion(), transfer_status: 0, onjob_transfers: [],
    };
    corp.groups[g.chat_id] = g;
    return g.chat_id;
  });
}

export function registerBulkScenario(app: FastifyInstance, deps: ScenarioDeps) {
  simRoute(app, deps, 'POST', '/sim/corps/:corpid/bulk', ({ params, body }) => {
    const { sim } = deps;
    const corp = requireCorp(sim, params.corpid);
    const departments = rows(body, 'departments');
    const members = rows(body, 'members');
    const contacts = rows(body, 'contacts');
    // Directory first: members may sit in departments of the same request.
    for (const d of departments) upsertDepartment(corp, d);
    for (const m of members) upsertMember(corp, m);
    const tag_group = loadTags(sim, corp, rows(body, 'tags'));
    const tagIds = new Set<string>();
    for (const g of corp.tag_groups) for (const t of g.tags) tagIds.add(t.id);
    checkContacts(contacts, new Set(Object.keys(corp.members)), tagIds);
    const external_userids = loadContacts(sim, corp, contacts);
    const chat_ids = loadGroups(sim, corp, rows(body, 'groups'));
    return { departments: departments.length, members: members.length, tag_group, external_userids, chat_ids };
  });
}
