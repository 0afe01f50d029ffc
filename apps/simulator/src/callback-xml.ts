// Event XML as WeCom sends it (spec §9 official sample): string fields in CDATA, numbers bare,
// lists such as MemChangeList as <Item> children.
import { XMLBuilder } from 'fast-xml-parser';
import type { EventFields, XmlValue } from './sim-context.ts';

const builder = new XMLBuilder({ cdataPropName: '__cdata', format: false, suppressEmptyNode: false });

function node(v: XmlValue): unknown {
  if (typeof v === 'number') return v;
  if (Array.isArray(v)) return { Item: v.map((s) => ({ __cdata: s })) };
  return { __cdata: v };
}

export function eventXml(corpid: string, createTime: number, event: string, changeType: string, fields: EventFields): string {
  const xml: Record<string, unknown> = {
    ToUserName: node(corpid),
    FromUserName: node('sys'),
    CreateTime: createTime,
    MsgType: node('event'),
    Event: node(event),
  };
  // change_external_chat puts ChatId before ChangeType (official sample); others lead with ChangeType.
  const chatId = fields.find(([k]) => k === 'ChatId');
  if (chatId) xml.ChatId = node(chatId[1]);
  if (changeType) xml.ChangeType = node(changeType);
  for (const [k, v] of fields) if (k !== 'ChatId') xml[k] = node(v);
  return builder.build({ xml }) as string;
}

/** The outer envelope POSTed to the callback URL. */
export function envelopeXml(corpid: string, encrypted: string, agentid: string): string {
  return builder.build({ xml: { ToUserName: node(corpid), Encrypt: node(encrypted), AgentID: node(agentid) } }) as string;
}
