// §8 customer acquisition links (获客助手). Customers arrive through the scenario API (addFriend
// with link_id); each one uses a unit of the corp's quota balance.
import type { ApiCtx, ApiRoute } from './api-types.ts';
import type { AcquisitionLink } from './state.ts';
import type { Params } from './params.ts';
import { WecomError, invalidParam } from './errors.ts';
import { intArray, limitParam, obj, optBool, optInt, optString, page, strArray } from './params.ts';
import { newLinkId, unique } from './ids.ts';
import { contactMember } from './members.ts';
import { DAY } from './clock.ts';

const P = '/cgi-bin/externalcontact/customer_acquisition';

function applyRange(ctx: ApiCtx, link: AcquisitionLink, p: Params) {
  const range = obj(p, 'range');
  if (range) {
    const users = strArray(range, 'user_list');
    const depts = intArray(range, 'department_list');
    if (users.length + depts.length === 0) throw invalidParam('range is empty');
    if (users.length > ctx.sim.limits.acquisitionLinkUsers) throw invalidParam(`range.user_list has more than ${ctx.sim.limits.acquisitionLinkUsers} users`);
    for (const u of users) contactMember(ctx.corp, u);
    for (const d of depts) if (!ctx.corp.departments[d]) throw new WecomError(60123, `invalid department id ${d}`);
    link.range = { user_list: users, department_list: depts };
  }
  const skip = optBool(p, 'skip_verify');
  if (skip !== undefined) link.skip_verify = skip;
  if (p.priority_option !== undefined) link.priority_option = p.priority_option;
}

function create(ctx: ApiCtx) {
  const { corp, sim, p } = ctx;
  const name = optString(p, 'link_name');
  if (!name) throw invalidParam('missing link_name');
  if (!obj(p, 'range')) throw invalidParam('missing range');
  if (Object.keys(corp.acquisition_links).length >= sim.limits.acquisitionLinks) throw new WecomError(41095, 'too many acquisition links');
  const link_id = unique(newLinkId, (id) => id in corp.acquisition_links);
  const link: AcquisitionLink = {
    link_id, link_name: name, url: `https://work.weixin.qq.com/ca/${link_id}`, create_time: sim.now(),
    range: { user_list: [], department_list: [] }, skip_verify: true, customers: [],
  };
  applyRange(ctx, link, p);
  corp.acquisition_links[link_id] = link;
  return { link: { link_id, link_name: name, url: link.url, create_time: link.create_time } };
}

function linkOf(ctx: ApiCtx): AcquisitionLink {
  const id = optString(ctx.p, 'link_id');
  const link = id ? ctx.corp.acquisition_links[id] : undefined;
  if (!link) throw invalidParam('invalid link_id');
  return link;
}

function get(ctx: ApiCtx) {
  const l = linkOf(ctx);
  const v: Record<string, unknown> = {
    link: { link_id: l.link_id, link_name: l.link_name, url: l.url, create_time: l.create_time }, range: l.range, skip_verify: l.skip_verify,
  };
  if (l.priority_option !== undefined) v.priority_option = l.priority_option;
  return v;
}

function update(ctx: ApiCtx) {
  const l = linkOf(ctx);
  const draft = structuredClone(l);
  const name = optString(ctx.p, 'link_name');
  if (name) draft.link_name = name;
  applyRange(ctx, draft, ctx.p);
  ctx.corp.acquisition_links[l.link_id] = draft;
  return {};
}

function remove(ctx: ApiCtx) {
  delete ctx.corp.acquisition_links[linkOf(ctx).link_id];
  return {};
}

function list(ctx: ApiCtx) {
  const limit = limitParam(ctx.p, 'limit', 100, 100);
  const { items, next_cursor } = page(Object.keys(ctx.corp.acquisition_links), optString(ctx.p, 'cursor'), limit);
  return { link_id_list: items, next_cursor };
}

function customers(ctx: ApiCtx) {
  const l = linkOf(ctx);
  const limit = limitParam(ctx.p, 'limit', 1000, 1000);
  const { items, next_cursor } = page(l.customers, optString(ctx.p, 'cursor'), limit);
  return { customer_list: items, next_cursor };
}

function statistic(ctx: ApiCtx) {
  const l = linkOf(ctx);
  const start = optInt(ctx.p, 'start_time') ?? 0;
  const end = optInt(ctx.p, 'end_time') ?? ctx.sim.now();
  const n = l.customers.filter((c) => {
    const r = ctx.corp.relations[c.userid]?.[c.external_userid];
    return !r || (r.createtime >= start && r.createtime <= end);
  }).length;
  return { click_link_customer_cnt: n, new_customer_cnt: n };
}

function quota(ctx: ApiCtx) {
  const { corp, sim } = ctx;
  const expire = Math.floor((sim.now() + 365 * DAY) / DAY) * DAY;
  return { total: sim.limits.acquisitionQuota, balance: corp.acquisition_balance, quota_list: [{ expire_date: expire, balance: corp.acquisition_balance }] };
}

export const acquisitionApis: ApiRoute[] = [
  { path: `${P}/create_link`, method: 'POST', handler: create },
  { path: `${P}/list_link`, method: 'POST', handler: list, reads: true },
  { path: `${P}/get`, method: 'POST', handler: get, reads: true },
  { path: `${P}/update_link`, method: 'POST', handler: update },
  { path: `${P}/delete_link`, method: 'POST', handler: remove },
  { path: `${P}/customer`, method: 'POST', handler: customers, reads: true },
  { path: `${P}/statistic`, method: 'POST', handler: statistic, reads: true },
  { path: '/cgi-bin/externalcontact/customer_acquisition_quota', method: 'GET', handler: quota, reads: true },
];
