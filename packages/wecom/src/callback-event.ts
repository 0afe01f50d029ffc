// Decrypted callback XML → a typed event (spec §9), and the reverse for the simulator. Text stays
// text: ids such as ExternalUserID or LastMemVer must never be turned into numbers by the parser
// (a hex version like "9e3…" would become Infinity). Only fields that are numbers by meaning
// (CreateTime, JoinScene, QuitScene, MemChangeCnt) are converted, explicitly.
import { XMLParser } from 'fast-xml-parser';

export type RawCallbackFields = Record<string, unknown>;

type Header = {
  ToUserName: string;
  FromUserName: string;
  CreateTime: number;
  MsgType: string;
  AgentID?: string;
  /** Every field as parsed, including those the typed shape does not name. */
  raw: RawCallbackFields;
};

type Contact<C extends string, F> = Header & { kind: 'change_external_contact'; Event: 'change_external_contact'; ChangeType: C } & F;
type Pair = { UserID: string; ExternalUserID: string };

export type ExternalContactEvent =
  | Contact<'add_external_contact', Pair & { State?: string; WelcomeCode?: string }>
  | Contact<'edit_external_contact', Pair>
  | Contact<'add_half_external_contact', Pair & { State?: string; WelcomeCode?: string }>
  | Contact<'del_external_contact', Pair & { Source?: string /* DELETE_BY_TRANSFER */ }>
  | Contact<'del_follow_user', Pair>
  | Contact<'transfer_fail', Pair & { FailReason: 'customer_refused' | 'customer_limit_exceed' | (string & {}) }>;

export type UpdateDetail = 'add_member' | 'del_member' | 'change_owner' | 'change_name' | 'change_notice';
type Chat = Header & { kind: 'change_external_chat'; Event: 'change_external_chat'; ChatId: string };
export type ExternalChatEvent =
  | (Chat & { ChangeType: 'create' | 'dismiss' })
  | (Chat & {
      ChangeType: 'update';
      UpdateDetail: UpdateDetail | (string & {});
      JoinScene?: number; // add_member: 0 invited by a member, 3 scanned the group QR
      QuitScene?: number; // del_member: 0 left, 1 removed by owner/admin
      MemChangeCnt?: number;
      MemChangeList: string[]; // always an array, empty when absent
      LastMemVer?: string;
      CurMemVer?: string;
    });

export type ExternalTagEvent = Header & {
  kind: 'change_external_tag';
  Event: 'change_external_tag';
  Id: string;
  TagType: 'tag' | 'tag_group';
  ChangeType: 'create' | 'update' | 'delete' | 'shuffle';
  StrategyId?: string;
};

export type CustomerAcquisitionEvent = Header & {
  kind: 'customer_acquisition';
  Event: 'customer_acquisition';
  ChangeType: 'balance_low' | 'balance_exhausted' | 'link_unavailable' | 'customer_start_chat' | 'delete_link' | 'friend_request' | (string & {});
  LinkId?: string;
  UserID?: string;
  ExternalUserID?: string;
};

export type UnknownCallbackEvent = Header & { kind: 'unknown'; Event?: string; ChangeType?: string };

export type WecomCallbackEvent = ExternalContactEvent | ExternalChatEvent | ExternalTagEvent | CustomerAcquisitionEvent | UnknownCallbackEvent;

const CONTACT_CHANGES = new Set(['add_external_contact', 'edit_external_contact', 'add_half_external_contact', 'del_external_contact', 'del_follow_user', 'transfer_fail']);
const CHAT_CHANGES = new Set(['create', 'dismiss', 'update']);
const TAG_CHANGES = new Set(['create', 'update', 'delete', 'shuffle']);

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false, // no number coercion
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => name === 'Item', // one member still gives a list
});

export class CallbackParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CallbackParseError';
  }
}

function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && '#text' in (v as object)) return String((v as Record<string, unknown>)['#text']);
  return typeof v === 'object' ? undefined : String(v);
}

function num(v: unknown): number | undefined {
  const s = text(v);
  if (s === undefined || s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

function items(v: unknown): string[] {
  if (v && typeof v === 'object' && 'Item' in (v as object)) {
    return ((v as { Item: unknown[] }).Item ?? []).map((x) => text(x) ?? '');
  }
  return [];
}

// Undefined fields are left out rather than present-but-undefined, so deepEqual round trips hold.
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** Parses the decrypted XML of a callback. Unrecognised events come back as kind 'unknown' with `raw`. */
export function parseCallbackEvent(xml: string): WecomCallbackEvent {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch (err) {
    throw new CallbackParseError(`callback body is not XML: ${(err as Error).message}`);
  }
  const raw = doc?.xml;
  if (!raw || typeof raw !== 'object') throw new CallbackParseError('callback body has no <xml> root');
  const f = raw as RawCallbackFields;
  const s = (k: string) => text(f[k]);
  // Third-party 指令回调 carry InfoType/TimeStamp/AuthCorpId instead of Event/CreateTime/ToUserName.
  const event = s('Event') ?? s('InfoType');
  const change = s('ChangeType');
  const header: Header = compact({
    ToUserName: s('ToUserName') ?? s('AuthCorpId') ?? '',
    FromUserName: s('FromUserName') ?? '',
    CreateTime: num(f.CreateTime) ?? num(f.TimeStamp) ?? 0,
    MsgType: s('MsgType') ?? '',
    AgentID: s('AgentID'),
    raw: f,
  });
  const pair = { UserID: s('UserID') ?? '', ExternalUserID: s('ExternalUserID') ?? '' };

  if (event === 'change_external_contact' && change && CONTACT_CHANGES.has(change)) {
    return compact({
      ...header, kind: 'change_external_contact', Event: event, ChangeType: change, ...pair,
      State: s('State'), WelcomeCode: s('WelcomeCode'), Source: s('Source'), FailReason: s('FailReason'),
    }) as ExternalContactEvent;
  }
  if (event === 'change_external_chat' && change && CHAT_CHANGES.has(change)) {
    const base = { ...header, kind: 'change_external_chat' as const, Event: 'change_external_chat' as const, ChatId: s('ChatId') ?? '' };
    if (change !== 'update') return { ...base, ChangeType: change as 'create' | 'dismiss' };
    return compact({
      ...base, ChangeType: 'update' as const, UpdateDetail: s('UpdateDetail') ?? '',
      JoinScene: num(f.JoinScene), QuitScene: num(f.QuitScene), MemChangeCnt: num(f.MemChangeCnt),
      MemChangeList: items(f.MemChangeList), LastMemVer: s('LastMemVer'), CurMemVer: s('CurMemVer'),
    });
  }
  const tagType = s('TagType');
  if (event === 'change_external_tag' && change && TAG_CHANGES.has(change) && (tagType === 'tag' || tagType === 'tag_group')) {
    return compact({
      ...header, kind: 'change_external_tag', Event: 'change_external_tag', Id: s('Id') ?? '', TagType: tagType,
      ChangeType: change as ExternalTagEvent['ChangeType'], StrategyId: s('StrategyId'),
    });
  }
  if (event === 'customer_acquisition' && change) {
    return compact({
      ...header, kind: 'customer_acquisition', Event: 'customer_acquisition', ChangeType: change,
      LinkId: s('LinkId'), UserID: s('UserID'), ExternalUserID: s('ExternalUserID'),
    });
  }
  return compact({ ...header, kind: 'unknown', Event: event, ChangeType: change });
}

export type CallbackXmlValue = string | number | string[] | undefined | null;

function cdata(v: string): string {
  // "]]>" cannot appear inside one CDATA section: close it and reopen around the ">".
  return `<![CDATA[${v.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

function checkName(k: string) {
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(k)) throw new Error(`not an XML element name: ${k}`);
}

/**
 * WeCom-style callback XML: strings in CDATA, numbers bare, string lists as <Item> children
 * (as in MemChangeList). Undefined and null fields are left out. parseCallbackEvent reads it back.
 */
export function buildCallbackXml(fields: Record<string, CallbackXmlValue>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null) continue;
    checkName(k);
    if (Array.isArray(v)) parts.push(`<${k}>${v.map((x) => `<Item>${cdata(String(x))}</Item>`).join('')}</${k}>`);
    else if (typeof v === 'number') parts.push(`<${k}>${v}</${k}>`);
    else parts.push(`<${k}>${cdata(v)}</${k}>`);
  }
  return `<xml>${parts.join('')}</xml>`;
}
