// The whole simulator state: plain JSON-serialisable records (no Maps, no classes), so a snapshot
// is one JSON.stringify and a restart is one JSON.parse. Indexes that speed up lookups live
// outside (relations.ts) and are rebuilt from these records.

export type App = { agentid: number; secret: string };
export type CallbackConfig = { url: string; token: string; encoding_aes_key: string };
export type TokenRecord = { corpid: string; agentid: number; secret: string; expires_at: number };

export type Department = { id: number; name: string; parentid: number; order: number };
export type Member = {
  userid: string; name: string; department: number[]; position: string; mobile: string;
  gender: string; // WeCom returns "0" | "1" | "2" as a string
  customer_contact: boolean; status: 1 | 5; resigned_at?: number;
};

export type Customer = {
  external_userid: string; name: string; avatar: string; type: 1 | 2; gender: 0 | 1 | 2;
  unionid?: string; position?: string; corp_name?: string; corp_full_name?: string; created_at: number;
};
export type Relation = {
  userid: string; external_userid: string; remark: string; description: string; createtime: number;
  tag_ids: string[]; remark_corp_name: string; remark_mobiles: string[]; oper_userid: string;
  add_way: number; state?: string; temp_way?: string;
};

export type Tag = { id: string; name: string; order: number; create_time: number; creator_agentid: number | null };
export type TagGroup = { group_id: string; group_name: string; order: number; create_time: number; creator_agentid: number | null; tags: Tag[] };

export type ContactWay = {
  config_id: string; type: 1 | 2; scene: 1 | 2; style?: number; remark: string; skip_verify: boolean; state: string;
  user: string[]; party: number[]; is_temp: boolean; expires_in?: number; chat_expires_in?: number; unionid?: string;
  conclusions?: unknown; qr_code?: string; create_time: number; next_pick: number; used: boolean;
};
export type JoinWay = {
  config_id: string; scene: 1 | 2; remark: string; auto_create_room: 0 | 1; room_base_name: string; room_base_id: number;
  chat_id_list: string[]; state: string; qr_code?: string; create_time: number; next_room_id: number;
};

export type GroupMember = {
  userid: string; type: 1 | 2; join_time: number; join_scene: number; invitor?: string; group_nickname: string; state?: string;
};
export type Group = {
  chat_id: string; name: string; owner: string; create_time: number; notice: string; members: GroupMember[];
  admin_list: string[]; member_version: string;
  transfer_status: 0 | 3; // 3 = resigned-owner transfer done (groupchat/list status)
  onjob_transfers: number[]; // times, for the 2-per-90-days rule
};
export type GroupWelcomeTemplate = { template_id: string; agentid: number; body: Record<string, unknown>; notify: number };

export type WelcomeCode = { code: string; userid: string; external_userid: string; expires_at: number; used: boolean };

export type MassTarget = { external_userid?: string; chat_id?: string; status: 0 | 1 | 2 | 3; send_time: number };
export type MassTask = { userid: string; status: 0 | 2; send_time: number; targets: MassTarget[] };
export type MassMessage = {
  msgid: string; chat_type: 'single' | 'group'; creator: string; create_type: 0 | 1; create_time: number;
  text?: { content: string }; attachments: unknown[]; allow_select: boolean; cancelled: boolean;
  reminds: number[]; tasks: MassTask[];
};

export type Moment = {
  moment_id: string; jobid: string; creator: string; create_time: number; create_type: 0 | 1; visible_type: 0 | 1;
  text?: { content: string }; attachments: Array<Record<string, unknown>>; sender_list: string[]; tag_list: string[];
  invalid_senders: string[]; invalid_depts: number[]; invalid_tags: string[]; cancelled: boolean;
};

export type TransferKind = 'onjob' | 'resigned';
export type Transfer = {
  kind: TransferKind; handover_userid: string; takeover_userid: string; external_userid: string;
  start_time: number; takeover_time: number; status: 1 | 2 | 3; // 1 done, 2 waiting, 3 refused
};

export type AcquisitionLink = {
  link_id: string; link_name: string; url: string; create_time: number;
  range: { user_list: string[]; department_list: number[] }; skip_verify: boolean; priority_option?: unknown;
  customers: Array<{ external_userid: string; userid: string; chat_status: number; state: string }>;
};

export type Media = { media_id: string; type: string; filename: string; size: number; created_at: number; expires_at: number; attachment_type?: number };

export type ChatMessage = {
  msgid: string; action: 'send'; from: string; tolist: string[]; roomid: string; msgtime: number; msgtype: string;
  text?: { content: string }; attachments?: unknown[];
};

export type CallbackStatus = 'delivered' | 'failed' | 'dropped' | 'pending';
export type CallbackDelivery = {
  id: number; event: string; change_type: string; xml: string; created_at: number;
  attempts: number; status: CallbackStatus; last_error: string | null;
};

export type Population = { rate_per_minute: number; config_ids: string[] };

export type CorpState = {
  corpid: string; name: string; apps: App[]; callback: CallbackConfig | null;
  departments: Record<string, Department>;
  members: Record<string, Member>;
  customers: Record<string, Customer>;
  relations: Record<string, Record<string, Relation>>; // userid → external_userid → relation
  tag_groups: TagGroup[];
  contact_ways: Record<string, ContactWay>;
  join_ways: Record<string, JoinWay>;
  groups: Record<string, Group>;
  group_welcome_templates: Record<string, GroupWelcomeTemplate>;
  welcome_codes: Record<string, WelcomeCode>;
  mass_messages: Record<string, MassMessage>;
  mass_receipts: Record<string, number[]>; // external_userid or chat_id → send times of corp mass messages
  moments: Record<string, Moment>;
  moment_jobs: Record<string, string>; // jobid → moment_id
  transfers: Transfer[];
  acquisition_links: Record<string, AcquisitionLink>;
  acquisition_balance: number;
  media: Record<string, Media>;
  uploadimg_days: Record<string, number>;
  messages: ChatMessage[];
  callbacks: CallbackDelivery[];
  callback_seq: number;
  drop_next: number;
  population: Population | null;
};

export type SimState = {
  version: 1;
  clock_offset: number; // seconds added to real time: the sim clock only moves forward through it
  tokens: Record<string, TokenRecord>;
  corps: Record<string, CorpState>;
};

export function emptyState(): SimState {
  return { version: 1, clock_offset: 0, tokens: {}, corps: {} };
}

export function emptyCorp(corpid: string, name: string, apps: App[], balance: number): CorpState {
  return {
    corpid, name, apps, callback: null, departments: {}, members: {}, customers: {}, relations: {},
    tag_groups: [], contact_ways: {}, join_ways: {}, groups: {}, group_welcome_templates: {}, welcome_codes: {},
    mass_messages: {}, mass_receipts: {}, moments: {}, moment_jobs: {}, transfers: [], acquisition_links: {},
    acquisition_balance: balance, media: {}, uploadimg_days: {}, messages: [], callbacks: [], callback_seq: 0,
    drop_next: 0, population: null,
  };
}
