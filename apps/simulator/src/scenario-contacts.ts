// Scenario API, customer side: WeChat users appear, scan contact ways, add and delete members,
// chat; members confirm mass messages; customers refuse transfers. Each sends the callback the
// real event would.
import type { FastifyInstance } from 'fastify';
import type { CorpState, Customer } from './state.ts';
import type { Sim } from './sim-context.ts';
import type { ScenarioDeps } from './scenario-http.ts';
import { badRequest, notFound } from './errors.ts';
import { requireCorp } from './sim-context.ts';
import { optNum, optStr, optStrs, simRoute, str } from './scenario-http.ts';
import { base62, newChatMsgid, newExternalUserid, unique } from './ids.ts';
import { befriend, unfriend } from './contact-events.ts';
import { wayMembers } from './api-contact-ways.ts';
import { confirmMassMessage } from './mass-send.ts';
import { refuseTransfer } from './transfer-settle.ts';
import { recordChat } from './chat-log.ts';

export function createCustomer(sim: Sim, corp: CorpState, b: Record<string, unknown>): Customer {
  const type = optNum(b, 'type') ?? 1;
  if (type !== 1 && type !== 2) throw badRequest('type must be 1 (WeChat) or 2 (WeCom)');
  const gender = optNum(b, 'gender') ?? 0;
  if (gender !== 0 && gender !== 1 && gender !== 2) throw badRequest('gender must be 0, 1 or 2');
  const wanted = optStr(b, 'external_userid');
  if (wanted && corp.customers[wanted]) throw badRequest(`${wanted} already exists`);
  const c: Customer = {
    external_userid: wanted ?? unique(newExternalUserid, (id) => id in corp.customers), name: str(b, 'name'),
    avatar: optStr(b, 'avatar') ?? `http://wx.qlogo.cn/mmhead/${base62(40)}/0`, type, gender, created_at: sim.now(),
  };
  const unionid = optStr(b, 'unionid');
  if (unionid) c.unionid = unionid;
  if (type === 2) {
    c.corp_name = optStr(b, 'corp_name') ?? '';
    c.corp_full_name = optStr(b, 'corp_full_name') ?? '';
    c.position = optStr(b, 'position') ?? '';
  }
  corp.customers[c.external_userid] = c;
  return c;
}

/** The user scans a contact way: the next member of the way (round-robin) gets the customer. */
export function scanContactWay(sim: Sim, corp: CorpState, external_userid: string, configId: string) {
  const w = corp.contact_ways[configId];
  if (!w) throw notFound(`no contact way ${configId}`);
  if (w.is_temp && w.used) throw badRequest('this temporary QR code died with its first friend');
  if (w.is_temp && w.expires_in !== undefined && w.create_time + w.expires_in <= sim.now()) throw badRequest('this temporary QR code has expired');
  const members = wayMembers(corp, w).filter((u) => corp.members[u]?.status === 1 && corp.members[u].customer_contact);
  if (members.length === 0) throw badRequest('no active member behind this contact way');
  const userid = members[w.next_pick % members.length];
  w.next_pick++;
  const { welcome_code } = befriend(sim, corp, {
    external_userid, userid, add_way: 1, state: w.state || undefined, pending: !w.skip_verify, temp_way: w.is_temp ? w.config_id : undefined,
  });
  if (w.is_temp) w.used = true;
  return { userid, state: w.state, welcome_code };
}

function addFriend(sim: Sim, corp: CorpState, body: Record<string, unknown>) {
  const external_userid = str(body, 'external_userid');
  const userid = str(body, 'userid');
  const state = optStr(body, 'state');
  const linkId = optStr(body, 'link_id');
  const link = linkId ? corp.acquisition_links[linkId] : undefined;
  if (linkId && !link) throw notFound(`no acquisition link ${linkId}`);
  if (link) {
    const depts = new Set(link.range.department_list);
    const inRange = link.range.user_list.includes(userid) || corp.members[userid]?.department.some((d) => depts.has(d));
    if (!inRange) throw badRequest(`${userid} is not in the range of link ${link.link_id}`);
  }
  const { welcome_code } = befriend(sim, corp, {
    external_userid, userid, add_way: optNum(body, 'add_way') ?? 2, state, pending: link ? !link.skip_verify : false,
  });
  if (link) {
    link.customers.push({ external_userid, userid, chat_status: 0, state: state ?? '' });
    corp.acquisition_balance = Math.max(0, corp.acquisition_balance - 1);
  }
  return { userid, state: state ?? '', welcome_code };
}

export function recordMessage(sim: Sim, corp: CorpState, from: string, to: string | string[], text: string) {
  if (!corp.members[from] && !corp.customers[from]) throw badRequest(`${from} is neither a member nor a customer`);
  const target = Array.isArray(to) ? to : [to];
  const group = target.length === 1 ? corp.groups[target[0]] : undefined;
  const msgid = newChatMsgid();
  recordChat(sim, corp, {
    msgid, action: 'send', from, tolist: group ? group.members.map((m) => m.userid).filter((u) => u !== from) : target,
    roomid: group ? group.chat_id : '', msgtime: Date.now() + sim.state.clock_offset * 1000, msgtype: 'text', text: { content: text },
  });
  return { msgid };
}

export function registerContactScenario(app: FastifyInstance, deps: ScenarioDeps) {
  const { sim } = deps;
  const corpOf = (params: Record<string, string>) => requireCorp(sim, params.corpid);

  simRoute(app, deps, 'POST', '/sim/corps/:corpid/wechat-users', ({ params, body }) => ({ external_userid: createCustomer(sim, corpOf(params), body).external_userid }));
  simRoute(app, deps, 'POST', '/sim/corps/:corpid/scan', ({ params, body }) =>
    scanContactWay(sim, corpOf(params), str(body, 'external_userid'), str(body, 'config_id')));
  simRoute(app, deps, 'POST', '/sim/corps/:corpid/friends', ({ params, body }) => addFriend(sim, corpOf(params), body));
  simRoute(app, deps, 'POST', '/sim/corps/:corpid/friends/delete-by-member', ({ params, body }) => {
    unfriend(sim, corpOf(params), str(body, 'userid'), str(body, 'external_userid'), 'member');
    return { ok: true };
  });
  simRoute(app, deps, 'POST', '/sim/corps/:corpid/friends/delete-by-customer', ({ params, body }) => {
    unfriend(sim, corpOf(params), str(body, 'userid'), str(body, 'external_userid'), 'customer');
    return { ok: true };
  });
  simRoute(app, deps, 'POST', '/sim/corps/:corpid/messages', ({ params, body }) => {
    const to = body.to;
    if (typeof to !== 'string' && !(Array.isArray(to) && to.every((x) => typeof x === 'string'))) throw badRequest('to must be an id or a list of ids');
    return recordMessage(sim, corpOf(params), str(body, 'from'), to as string | string[], str(body, 'text'));
  });
  simRoute(app, deps, 'GET', '/sim/corps/:corpid/messages', ({ params, query }) => {
    const since = Number(query.since_ms ?? 0);
    return corpOf(params).messages.filter((m) => m.msgtime >= since);
  });
  simRoute(app, deps, 'POST', '/sim/corps/:corpid/mass-messages/:msgid/confirm', ({ params, body }) =>
    confirmMassMessage(sim, corpOf(params), params.msgid, str(body, 'userid'), optStrs(body, 'external_userids')));
  simRoute(app, deps, 'POST', '/sim/corps/:corpid/population', ({ params, body }) => {
    const corp = corpOf(params);
    const rate = optNum(body, 'rate_per_minute');
    if (rate === undefined || rate < 0) throw badRequest('rate_per_minute must be a number ≥ 0 (0 stops)');
    const config_ids = optStrs(body, 'config_ids') ?? [];
    for (const id of config_ids) if (!corp.contact_ways[id]) throw notFound(`no contact way ${id}`);
    deps.population.set(corp, rate > 0 ? { rate_per_minute: rate, config_ids } : null);
    return { rate_per_minute: rate, config_ids };
  });
  simRoute(app, deps, 'POST', '/sim/corps/:corpid/transfers/refuse', ({ params, body }) => {
    const t = refuseTransfer(sim, corpOf(params), str(body, 'external_userid'));
    return { handover_userid: t.handover_userid, takeover_userid: t.takeover_userid, status: t.status };
  });
}
