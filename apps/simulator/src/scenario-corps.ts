// Scenario API, admin side: corps and apps, the callback URL (verified like the admin console),
// the directory, tokens, the sim clock, faults, callback drops and the delivery log.
import type { FastifyInstance } from 'fastify';
import type { CorpState, Department, Member } from './state.ts';
import type { ScenarioDeps } from './scenario-http.ts';
import { emptyCorp } from './state.ts';
import { badRequest } from './errors.ts';
import { requireCorp } from './sim-context.ts';
import { simRoute } from './scenario-http.ts';
import { optNum, optStr, str } from './body-fields.ts';
import { verifyCallbackUrl } from './url-verification.ts';
import { invalidateTokens } from './api-tokens.ts';
import { settleTransfers } from './transfer-settle.ts';
import { countRelations } from './relations.ts';
import { tagCount } from './api-tags.ts';

export function upsertDepartment(corp: CorpState, d: Record<string, unknown>): Department {
  const id = optNum(d, 'id');
  if (id === undefined || !Number.isInteger(id) || id < 1) throw badRequest('department id must be a positive integer');
  const dept: Department = { id, name: str(d, 'name'), parentid: optNum(d, 'parentid') ?? (id === 1 ? 0 : 1), order: optNum(d, 'order') ?? 0 };
  corp.departments[id] = dept;
  return dept;
}

export function upsertMember(corp: CorpState, b: Record<string, unknown>, checkDepartments = true): Member {
  const userid = str(b, 'userid');
  if (!/^[A-Za-z0-9_.@-]{1,64}$/.test(userid)) throw badRequest('userid: 1..64 letters, digits, _ . @ -');
  const department = (b.department ?? [1]) as number[];
  if (!Array.isArray(department) || department.length === 0 || department.some((d) => !Number.isInteger(d))) throw badRequest('department must be a non-empty array of ids');
  if (checkDepartments) for (const d of department) if (!corp.departments[d]) throw badRequest(`no department ${d}`);
  const gender = b.gender === undefined ? '0' : String(b.gender);
  const m: Member = {
    userid, name: str(b, 'name'), department, position: optStr(b, 'position') ?? '', mobile: optStr(b, 'mobile') ?? '', gender,
    customer_contact: b.customer_contact === undefined ? true : b.customer_contact === true, status: 1,
  };
  corp.members[userid] = m;
  return m;
}

export function registerCorpScenario(app: FastifyInstance, deps: ScenarioDeps) {
  const { sim } = deps;

  simRoute(app, deps, 'POST', '/sim/corps', ({ body }) => {
    const corpid = str(body, 'corpid');
    const apps = body.apps;
    if (!Array.isArray(apps) || apps.length === 0) throw badRequest('apps must list at least one {agentid, secret}');
    const parsed = apps.map((a: Record<string, unknown>) => {
      const agentid = optNum(a, 'agentid');
      if (agentid === undefined) throw badRequest('app agentid is required');
      return { agentid, secret: str(a, 'secret') };
    });
    const name = optStr(body, 'name') ?? corpid;
    const existing = sim.state.corps[corpid];
    if (existing) {
      existing.name = name;
      existing.apps = parsed;
    } else {
      const corp = emptyCorp(corpid, name, parsed, sim.limits.acquisitionQuota);
      corp.departments[1] = { id: 1, name, parentid: 0, order: 0 }; // every corp has its root department
      sim.state.corps[corpid] = corp;
    }
    return { corpid, created: !existing };
  });

  simRoute(app, deps, 'PUT', '/sim/corps/:corpid/callback', async ({ params, body }) => {
    const corp = requireCorp(sim, params.corpid);
    const cfg = { url: str(body, 'url'), token: str(body, 'token'), encoding_aes_key: str(body, 'encoding_aes_key') };
    const error = await verifyCallbackUrl(corp.corpid, cfg, sim.callbackTimeoutMs);
    if (error) throw badRequest(error);
    corp.callback = cfg;
    return { ok: true };
  });

  simRoute(app, deps, 'POST', '/sim/corps/:corpid/departments', ({ params, rawBody }) => {
    const corp = requireCorp(sim, params.corpid);
    if (!Array.isArray(rawBody)) throw badRequest('the body must be an array of departments');
    for (const d of rawBody) upsertDepartment(corp, d as Record<string, unknown>);
    return { count: rawBody.length };
  });

  simRoute(app, deps, 'POST', '/sim/corps/:corpid/members', ({ params, body }) => {
    const m = upsertMember(requireCorp(sim, params.corpid), body);
    return { userid: m.userid };
  });

  simRoute(app, deps, 'POST', '/sim/corps/:corpid/members/:userid/resign', ({ params }) => {
    const corp = requireCorp(sim, params.corpid);
    const m = corp.members[params.userid];
    if (!m) throw badRequest(`no member ${params.userid}`);
    if (m.status !== 5) {
      m.status = 5;
      m.resigned_at = sim.now();
    }
    return { ok: true };
  });

  simRoute(app, deps, 'POST', '/sim/corps/:corpid/tokens/invalidate', ({ params }) => {
    requireCorp(sim, params.corpid);
    return { invalidated: invalidateTokens(sim, params.corpid) };
  });

  simRoute(app, deps, 'GET', '/sim/corps/:corpid/snapshot', ({ params }) => {
    const corp = requireCorp(sim, params.corpid);
    return {
      members: Object.keys(corp.members).length, contacts: Object.keys(corp.customers).length, relations: countRelations(corp),
      groups: Object.keys(corp.groups).length, tags: tagCount(corp), contact_ways: Object.keys(corp.contact_ways).length,
      callbacks_pending: corp.callbacks.filter((d) => d.status === 'pending').length,
    };
  });

  simRoute(app, deps, 'GET', '/sim/clock', () => ({ now: sim.now() }));
  simRoute(app, deps, 'POST', '/sim/clock', ({ body }) => {
    const s = optNum(body, 'advance_seconds') ?? 0;
    if (!Number.isInteger(s) || s < 0) throw badRequest('advance_seconds must be a non-negative integer (the clock never goes back)');
    sim.state.clock_offset += s;
    deps.rates.clockAdvanced(s);
    for (const corp of Object.values(sim.state.corps)) settleTransfers(sim, corp);
    return { now: sim.now() };
  });

  simRoute(app, deps, 'POST', '/sim/faults', ({ body }) => {
    const count = optNum(body, 'count') ?? 1;
    if (!Number.isInteger(count) || count < 1) throw badRequest('count must be a positive integer');
    const errcode = optNum(body, 'errcode');
    const delay_ms = optNum(body, 'delay_ms');
    if (errcode === undefined && delay_ms === undefined) throw badRequest('a fault needs errcode or delay_ms');
    return deps.faults.add({ corpid: optStr(body, 'corpid'), api: optStr(body, 'api'), errcode, delay_ms, count });
  });
  simRoute(app, deps, 'GET', '/sim/faults', () => deps.faults.list());
  simRoute(app, deps, 'DELETE', '/sim/faults', () => {
    deps.faults.clear();
    return { ok: true };
  });

  simRoute(app, deps, 'POST', '/sim/corps/:corpid/callbacks/drop', ({ params, body }) => {
    const corp = requireCorp(sim, params.corpid);
    const count = optNum(body, 'count') ?? 1;
    if (!Number.isInteger(count) || count < 0) throw badRequest('count must be a non-negative integer');
    corp.drop_next = count;
    return { drop_next: count };
  });

  // ?include_xml=1 adds each event's plaintext XML (what the receiver decrypts).
  simRoute(app, deps, 'GET', '/sim/corps/:corpid/callbacks', ({ params, query }) =>
    requireCorp(sim, params.corpid).callbacks.map(({ xml, ...entry }) => (query.include_xml === '1' ? { ...entry, xml } : entry)),
  );
}
