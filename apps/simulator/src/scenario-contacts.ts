// Scenario API, customer side: WeChat users appear, scan contact ways, add and delete members,
// chat; members confirm mass messages; customers refuse transfers. Each sends the callback the
// real event would.
import type { FastifyInstance } from 'fastify';
import type { CorpState } from './state.ts';
import type { Sim } from './sim-context.ts';
import type { ScenarioDeps } from './scenario-http.ts';
import { badRequest, notFound } from './errors.ts';
import { requireCorp } from './sim-context.ts';
import { simRoute } from './scenario-http.ts';
import { optNum, optStr, optStrs, str } from './body-fields.ts';
import { befriend, unfriend } from './contact-events.ts';
import { confirmMassMessage } from './mass-send.ts';
import { refuseTransfer } from './transfer-settle.ts';
import { createCustomer, recordMessage, scanContactWay, type ScanPick } from './customer-ops.ts';

function scanPick(v: string | undefined): ScanPick {
  if (v === undefined || v === 'round_robin' || v === 'random') return v ?? 'round_robin';
  throw badRequest('pick must be round_robin or random');
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

export function registerContactScenario(app: FastifyInstance, deps: ScenarioDeps) {
  const { sim } = deps;
  const corpOf = (params: Record<string, string>) => requireCorp(sim, params.corpid);

  simRoute(app, deps, 'POST', '/sim/corps/:corpid/wechat-users', ({ params, body }) => ({ external_userid: createCustomer(sim, corpOf(params), body).external_userid }));
  simRoute(app, deps, 'POST', '/sim/corps/:corpid/scan', ({ params, body }) =>
    scanContactWay(sim, corpOf(params), str(body, 'external_userid'), str(body, 'config_id'), scanPick(optStr(body, 'pick'))));
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
