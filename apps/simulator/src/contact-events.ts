// Customer-side actions of the scenario API (and population mode): they change state the way the
// real event would and send the matching change_external_contact callback.
import type { Sim } from './sim-context.ts';
import type { CorpState, Relation } from './state.ts';
import { badRequest, notFound } from './errors.ts';
import { newWelcomeCode, unique } from './ids.ts';
import { getRelation, newRelation, putRelation, removeRelation } from './relations.ts';
import { DAY } from './clock.ts';

export type BefriendInput = {
  external_userid: string; userid: string; add_way: number; state?: string; pending?: boolean; temp_way?: string;
};

export function befriend(sim: Sim, corp: CorpState, input: BefriendInput): { relation: Relation; welcome_code: string | null } {
  const c = corp.customers[input.external_userid];
  if (!c) throw notFound(`no customer ${input.external_userid}`);
  const m = corp.members[input.userid];
  if (!m || m.status !== 1) throw badRequest(`no active member ${input.userid}`);
  if (!m.customer_contact) throw badRequest(`member ${input.userid} has no customer-contact permission`);
  if (getRelation(corp, m.userid, c.external_userid)) throw badRequest(`${c.external_userid} is already a customer of ${m.userid}`);
  const now = sim.now();
  const relation = newRelation(m.userid, c.external_userid, now, { add_way: input.add_way, oper_userid: c.external_userid });
  if (input.state) relation.state = input.state;
  if (input.temp_way) relation.temp_way = input.temp_way;
  putRelation(corp, relation);
  // WeCom gives no welcome code for business-partner (WeCom-user) contacts.
  let welcome_code: string | null = null;
  if (c.type === 1) {
    pruneWelcomeCodes(corp, now);
    welcome_code = unique(newWelcomeCode, (k) => k in corp.welcome_codes);
    corp.welcome_codes[welcome_code] = {
      code: welcome_code, userid: m.userid, external_userid: c.external_userid, expires_at: now + sim.limits.welcomeCodeSeconds, used: false,
    };
  }
  const fields: Array<[string, string]> = [['UserID', m.userid], ['ExternalUserID', c.external_userid]];
  if (input.state) fields.push(['State', input.state]);
  if (welcome_code) fields.push(['WelcomeCode', welcome_code]);
  sim.emit(corp, 'change_external_contact', input.pending ? 'add_half_external_contact' : 'add_external_contact', fields);
  return { relation, welcome_code };
}

function pruneWelcomeCodes(corp: CorpState, now: number) {
  for (const [k, w] of Object.entries(corp.welcome_codes)) if (w.expires_at < now - DAY) delete corp.welcome_codes[k];
}

/** The member deletes the customer (del_external_contact) or the customer deletes the member (del_follow_user). */
export function unfriend(sim: Sim, corp: CorpState, userid: string, ext: string, by: 'member' | 'customer'): void {
  if (!removeRelation(corp, userid, ext)) throw badRequest(`${ext} is not a customer of ${userid}`);
  sim.emit(corp, 'change_external_contact', by === 'member' ? 'del_external_contact' : 'del_follow_user', [
    ['UserID', userid], ['ExternalUserID', ext],
  ]);
}
