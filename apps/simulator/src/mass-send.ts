// What happens when a member confirms a mass-message task in the client: each listed customer (or
// group) receives it unless the relation is gone (status 2) or the receive quota is used up
// (status 3). Quotas are corp-created messages per natural month and, optionally, per day.
import type { Sim } from './sim-context.ts';
import type { CorpState, MassMessage, MassTarget } from './state.ts';
import { badRequest, notFound } from './errors.ts';
import { getRelation } from './relations.ts';
import { chinaDayKey, chinaMonthKey, DAY } from './clock.ts';
import { newChatMsgid } from './ids.ts';
import { recordChat } from './chat-log.ts';

export type ConfirmResult = { sent: number; not_friend: number; over_quota: number };

function underQuota(corp: CorpState, key: string, perMonth: number, perDay: number, now: number): boolean {
  const times = corp.mass_receipts[key] ?? [];
  if (perMonth > 0) {
    const month = chinaMonthKey(now);
    if (times.filter((t) => chinaMonthKey(t) === month).length >= perMonth) return false;
  }
  if (perDay > 0) {
    const day = chinaDayKey(now);
    if (times.filter((t) => chinaDayKey(t) === day).length >= perDay) return false;
  }
  return true;
}

function receive(corp: CorpState, key: string, now: number) {
  // 40 days covers any natural month; older receipts no longer matter.
  const kept = (corp.mass_receipts[key] ?? []).filter((t) => t > now - 40 * DAY);
  kept.push(now);
  corp.mass_receipts[key] = kept;
}

export function confirmMassMessage(sim: Sim, corp: CorpState, msgid: string, userid: string, only?: string[]): ConfirmResult {
  const msg: MassMessage | undefined = corp.mass_messages[msgid];
  if (!msg) throw notFound(`no mass message ${msgid}`);
  if (msg.cancelled) throw badRequest(`mass message ${msgid} was cancelled`);
  const task = msg.tasks.find((t) => t.userid === userid);
  if (!task) throw badRequest(`${userid} has no task in ${msgid}`);
  if (task.status === 2) throw badRequest(`${userid} already sent ${msgid}`);
  const now = sim.now();
  const pick = only ? new Set(only) : null; // allow_select: the member sends to a subset
  const result: ConfirmResult = { sent: 0, not_friend: 0, over_quota: 0 };
  const { massPerCustomerPerMonth, massPerCustomerPerDay, massPerGroupPerMonth } = sim.limits;
  const settle = (t: MassTarget, status: 1 | 2 | 3) => {
    t.status = status;
    t.send_time = now;
    if (status === 1) result.sent++;
    else if (status === 2) result.not_friend++;
    else result.over_quota++;
  };
  for (const t of task.targets) {
    const key = t.external_userid ?? t.chat_id ?? '';
    if (pick && !pick.has(key)) continue;
    if (t.external_userid) {
      if (!getRelation(corp, userid, t.external_userid)) settle(t, 2);
      else if (!underQuota(corp, key, massPerCustomerPerMonth, massPerCustomerPerDay, now)) settle(t, 3);
      else settle(t, 1);
    } else {
      const g = t.chat_id ? corp.groups[t.chat_id] : undefined;
      if (!g) settle(t, 2);
      else if (!underQuota(corp, key, massPerGroupPerMonth, 0, now)) settle(t, 3);
      else settle(t, 1);
    }
    if (t.status === 1) {
      receive(corp, key, now);
      // Sent messages enter the chat record, as they would in the session archive.
      recordChat(sim, corp, {
        msgid: newChatMsgid(), action: 'send', from: userid, tolist: t.external_userid ? [t.external_userid] : [],
        roomid: t.chat_id ?? '', msgtime: now * 1000, msgtype: msg.text ? 'text' : 'mixed',
        ...(msg.text ? { text: msg.text } : {}), ...(msg.attachments.length ? { attachments: msg.attachments } : {}),
      });
    }
  }
  task.status = 2;
  task.send_time = now;
  sim.dirty();
  return result;
}
