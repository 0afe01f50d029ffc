// §7 transfers: in-service (transfer_customer) and resigned (resigned/transfer_customer) customer
// handovers, their results, unassigned customers, and group owner transfers.
import type { ApiCtx, ApiRoute } from './api-types.ts';
import type { TransferKind } from './state.ts';
import { WecomError, invalidParam } from './errors.ts';
import { chars, decodeCursor, encodeCursor, limitParam, optString, page, reqString, strArray } from './params.ts';
import { activeMember, contactMember } from './members.ts';
import { customersOf, getRelation } from './relations.ts';
import { waitingTransfer } from './transfer-settle.ts';
import { DAY } from './clock.ts';

const P = '/cgi-bin/externalcontact';

function startTransfers(ctx: ApiCtx, kind: TransferKind) {
  const { corp, sim, p } = ctx;
  const handover = reqString(p, 'handover_userid');
  const takeover = reqString(p, 'takeover_userid');
  const exts = strArray(p, 'external_userid');
  if (exts.length === 0 || exts.length > sim.limits.transferCustomersPerCall) {
    throw invalidParam(`external_userid must have 1..${sim.limits.transferCustomersPerCall} items`);
  }
  const msg = optString(p, 'transfer_success_msg');
  if (msg && chars(msg) > 200) throw invalidParam('transfer_success_msg is over 200 characters');
  const h = corp.members[handover];
  if (kind === 'resigned') {
    if (!h) throw new WecomError(60111, `userid not found: ${handover}`);
    if (h.status !== 5) throw new WecomError(40097, 'handover member has not resigned');
  } else {
    activeMember(corp, handover);
  }
  contactMember(corp, takeover);
  if (handover === takeover) throw new WecomError(40130, 'handover and takeover are the same member');
  const now = sim.now();
  const customer = exts.map((ext) => {
    let errcode = 0;
    if (!corp.customers[ext]) errcode = 40096;
    else if (!getRelation(corp, handover, ext)) errcode = 40131;
    else if (waitingTransfer(corp, ext)) errcode = 40129;
    else if (kind === 'onjob' && recentTransfers(ctx, ext) >= sim.limits.transfersPer90Days) errcode = 40128;
    if (errcode === 0) {
      corp.transfers.push({
        kind, handover_userid: handover, takeover_userid: takeover, external_userid: ext,
        start_time: now, takeover_time: now + sim.limits.transferTakeoverSeconds, status: 2,
      });
    }
    return { external_userid: ext, errcode };
  });
  return { customer };
}

// In-service transfers that happened or are happening within the last 90 natural days (refusals do not count).
function recentTransfers(ctx: ApiCtx, ext: string): number {
  const since = ctx.sim.now() - 90 * DAY;
  return ctx.corp.transfers.filter((t) => t.kind === 'onjob' && t.external_userid === ext && t.status !== 3 && t.start_time > since).length;
}

function transferResult(ctx: ApiCtx, kind: TransferKind) {
  const handover = reqString(ctx.p, 'handover_userid');
  const takeover = reqString(ctx.p, 'takeover_userid');
  // The latest record per customer for this pair.
  const latest = new Map<string, { external_userid: string; status: number; takeover_time: number }>();
  for (const t of ctx.corp.transfers) {
    if (t.kind !== kind || t.handover_userid !== handover || t.takeover_userid !== takeover) continue;
    latest.set(t.external_userid, { external_userid: t.external_userid, status: t.status, takeover_time: t.takeover_time });
  }
  const { items, next_cursor } = page([...latest.values()], optString(ctx.p, 'cursor'), 1000);
  return { customer: items, next_cursor };
}

function unassigned(ctx: ApiCtx) {
  const { corp, p } = ctx;
  const size = limitParam(p, 'page_size', 1000, 1000);
  const all: Array<{ handover_userid: string; external_userid: string; dimission_time: number }> = [];
  for (const m of Object.values(corp.members)) {
    if (m.status !== 5) continue;
    for (const r of customersOf(corp, m.userid)) {
      if (!waitingTransfer(corp, r.external_userid)) all.push({ handover_userid: m.userid, external_userid: r.external_userid, dimission_time: m.resigned_at ?? 0 });
    }
  }
  // page_id is the legacy paging (0-based page number); cursor wins when both are given.
  const cursorArg = optString(p, 'cursor');
  const pageId = Number(p.page_id ?? 0) || 0;
  const { o } = decodeCursor(cursorArg, { o: pageId * size });
  const offset = Number(o) || 0;
  const info = all.slice(offset, offset + size);
  const isLast = offset + size >= all.length;
  return { info, is_last: isLast, next_cursor: isLast ? '' : encodeCursor({ o: offset + size }) };
}

function groupTransfer(ctx: ApiCtx, onjob: boolean) {
  const { corp, sim, p } = ctx;
  const chatIds = strArray(p, 'chat_id_list');
  if (chatIds.length === 0 || chatIds.length > 100) throw invalidParam('chat_id_list must have 1..100 items');
  const newOwner = reqString(p, 'new_owner');
  contactMember(corp, newOwner);
  const now = sim.now();
  const failed_chat_list: Array<{ chat_id: string; errcode: number; errmsg: string }> = [];
  const fail = (chat_id: string, errcode: number, errmsg: string) => failed_chat_list.push({ chat_id, errcode, errmsg });
  for (const chatId of chatIds) {
    const g = corp.groups[chatId];
    if (!g) { fail(chatId, 90501, 'not a customer group'); continue; }
    const ownerLeft = corp.members[g.owner]?.status !== 1;
    if (g.owner === newOwner) { fail(chatId, 90504, 'owner unchanged'); continue; }
    if (!onjob && !ownerLeft) { fail(chatId, 90500, 'owner has not resigned'); continue; }
    if (onjob && ownerLeft) { fail(chatId, 90502, 'owner has resigned'); continue; }
    if (onjob) {
      g.onjob_transfers = g.onjob_transfers.filter((t) => t > now - 90 * DAY);
      if (g.onjob_transfers.length >= sim.limits.groupTransfersPer90Days) { fail(chatId, 40128, 'group transferred too often'); continue; }
      g.onjob_transfers.push(now);
    }
    g.owner = newOwner;
    g.transfer_status = onjob ? 0 : 3;
    if (!g.members.some((m) => m.userid === newOwner)) {
      g.members.push({ userid: newOwner, type: 1, join_time: now, join_scene: 1, group_nickname: '' });
    }
  }
  return { failed_chat_list };
}

export const transferApis: ApiRoute[] = [
  { path: `${P}/transfer_customer`, method: 'POST', handler: (c) => startTransfers(c, 'onjob') },
  { path: `${P}/transfer_result`, method: 'POST', handler: (c) => transferResult(c, 'onjob'), reads: true },
  { path: `${P}/resigned/transfer_customer`, method: 'POST', handler: (c) => startTransfers(c, 'resigned') },
  { path: `${P}/resigned/transfer_result`, method: 'POST', handler: (c) => transferResult(c, 'resigned'), reads: true },
  { path: `${P}/get_unassigned_list`, method: 'POST', handler: unassigned, reads: true },
  { path: `${P}/groupchat/transfer`, method: 'POST', handler: (c) => groupTransfer(c, false) },
  { path: `${P}/groupchat/onjob_transfer`, method: 'POST', handler: (c) => groupTransfer(c, true) },
];

