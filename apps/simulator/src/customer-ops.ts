// What a WeChat user does, shared by the scenario API and population mode: appear, scan a contact
// way, chat. Kept apart from the HTTP routes so population mode does not depend on them.
import type { CorpState, Customer } from './state.ts';
import type { Sim } from './sim-context.ts';
import { badRequest, notFound } from './errors.ts';
import { optNum, optStr, str } from './body-fields.ts';
import { base62, newChatMsgid, newExternalUserid, unique } from './ids.ts';
import { befriend } from './contact-events.ts';
import { wayMembers } from './api-contact-ways.ts';
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

/**
 * How WeCom picks among a multi-user way's members. WeCom documents no order (customers see a
 * random member); tests want to know who comes next, so round-robin is the default and `random`
 * is what the population and scenarios that model real traffic ask for.
 */
export type ScanPick = 'round_robin' | 'random';

/** The user scans a contact way: a member of the way who may take customers now gets the customer. */
export function scanContactWay(sim: Sim, corp: CorpState, external_userid: string, configId: string, pick: ScanPick = 'round_robin') {
  const w = corp.contact_ways[configId];
  if (!w) throw notFound(`no contact way ${configId}`);
  if (w.is_temp && w.used) throw badRequest('this temporary QR code died with its first friend');
  if (w.is_temp && w.expires_in !== undefined && w.create_time + w.expires_in <= sim.now()) throw badRequest('this temporary QR code has expired');
  const members = wayMembers(corp, w).filter((u) => corp.members[u]?.status === 1 && corp.members[u].customer_contact);
  if (members.length === 0) throw badRequest('no active member behind this contact way');
  let userid: string;
  if (pick === 'random') userid = members[Math.floor(Math.random() * members.length)];
  else {
    userid = members[w.next_pick % members.length];
    w.next_pick++;
  }
  const { welcome_code } = befriend(sim, corp, {
    external_userid, userid, add_way: 1, state: w.state || undefined, pending: !w.skip_verify, temp_way: w.is_temp ? w.config_id : undefined,
  });
  if (w.is_temp) w.used = true;
  return { userid, state: w.state, welcome_code };
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
