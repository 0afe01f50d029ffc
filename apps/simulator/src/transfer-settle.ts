// Customer transfers complete by themselves: 24 h of sim time after the start the customer moves to
// the takeover member unless they refused. Settled lazily (before each API call, on clock advance
// and on a slow tick) rather than by timers, so jumping the sim clock settles them at once.
import type { Sim } from './sim-context.ts';
import type { CorpState, Transfer } from './state.ts';
import { getRelation, putRelation, removeRelation } from './relations.ts';
import { badRequest } from './errors.ts';

export function settleTransfers(sim: Sim, corp: CorpState): void {
  const now = sim.now();
  for (const t of corp.transfers) if (t.status === 2 && t.takeover_time <= now) takeOver(sim, corp, t);
}

function takeOver(sim: Sim, corp: CorpState, t: Transfer) {
  t.status = 1;
  const old = removeRelation(corp, t.handover_userid, t.external_userid);
  if (!old) return; // the customer or the member ended the relation meanwhile: nothing to move
  // The relation moves with its history (remark, tags, channel state); it starts anew for the takeover.
  if (!getRelation(corp, t.takeover_userid, t.external_userid)) {
    putRelation(corp, { ...old, userid: t.takeover_userid, createtime: t.takeover_time, oper_userid: t.takeover_userid });
  }
  sim.emit(corp, 'change_external_contact', 'del_external_contact', [
    ['UserID', t.handover_userid], ['ExternalUserID', t.external_userid], ['Source', 'DELETE_BY_TRANSFER'],
  ]);
  sim.dirty();
}

/** The customer refuses a waiting transfer (scenario): transfer_fail with customer_refused. */
export function refuseTransfer(sim: Sim, corp: CorpState, external_userid: string): Transfer {
  settleTransfers(sim, corp);
  const t = corp.transfers.find((x) => x.status === 2 && x.external_userid === external_userid);
  if (!t) throw badRequest(`no waiting transfer for ${external_userid}`);
  t.status = 3;
  sim.emit(corp, 'change_external_contact', 'transfer_fail', [
    ['FailReason', 'customer_refused'], ['UserID', t.takeover_userid], ['ExternalUserID', external_userid],
  ]);
  return t;
}

export function waitingTransfer(corp: CorpState, external_userid: string): Transfer | undefined {
  return corp.transfers.find((x) => x.status === 2 && x.external_userid === external_userid);
}
