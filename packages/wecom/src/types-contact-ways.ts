// Contact ways (联系我 / 渠道活码) and the welcome message (spec §3).
import type { Attachment, TextContent } from './types-messages.ts';

export type Conclusions = {
  text?: TextContent;
  image?: { media_id?: string; pic_url?: string };
  link?: { title: string; picurl?: string; desc?: string; url: string };
  miniprogram?: { title: string; pic_media_id: string; appid: string; page: string };
};

export type ContactWayFields = {
  type: 1 | 2; // 1 single member, 2 several
  scene: 1 | 2; // 1 mini-program button, 2 QR code
  style?: number;
  remark?: string; // ≤30 chars
  skip_verify?: boolean; // WeCom's default is true
  state?: string; // ≤30 chars; comes back in add_external_contact: the channel attribution
  user?: string[]; // type 1: exactly one; ≤100 per way
  party?: number[]; // type 2 only
  is_temp?: boolean;
  expires_in?: number;
  chat_expires_in?: number;
  unionid?: string;
  conclusions?: Conclusions;
};

export type AddContactWayRequest = ContactWayFields;
export type AddContactWayResult = { config_id: string; qr_code?: string };
export type ContactWay = ContactWayFields & { config_id: string; qr_code?: string };
export type GetContactWayResult = { contact_way: ContactWay };

export type ListContactWayRequest = { start_time?: number; end_time?: number; cursor?: string; limit?: number };
export type ListContactWayResult = { contact_way: { config_id: string }[]; next_cursor?: string };

/** Sent fields overwrite; `type` and `scene` cannot change. */
export type UpdateContactWayRequest = { config_id: string } & Partial<Omit<ContactWayFields, 'type' | 'scene'>>;

export type SendWelcomeMsgRequest = { welcome_code: string; text?: TextContent; attachments?: Attachment[] };
