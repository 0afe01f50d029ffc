// A typed client of the scenario API (/sim/*), one method per endpoint. Throws SimControlError
// with the HTTP status and the simulator's message when a scenario step is refused.
import type { CallbackStatus, ChatMessage } from './state.ts';
import type { Fault, FaultInput } from './faults.ts';
import type { ConfirmResult } from './mass-send.ts';
import { createPlatformControl, type PlatformControl } from './platforms/control.ts';

export class SimControlError extends Error {
  constructor(readonly status: number, message: string, readonly errcode?: number) {
    super(message);
    this.name = 'SimControlError';
  }
}

export type CorpInput = { corpid: string; name: string; apps: Array<{ agentid: number; secret: string }> };
export type CallbackInput = { url: string; token: string; encoding_aes_key: string };
export type DepartmentInput = { id: number; name: string; parentid: number; order?: number };
export type MemberInput = { userid: string; name: string; department: number[]; position?: string; mobile?: string; gender?: string | number; customer_contact?: boolean };
export type WechatUserInput = { name: string; unionid?: string; avatar?: string; gender?: 0 | 1 | 2; type?: 1 | 2; corp_name?: string; corp_full_name?: string; position?: string };
export type FriendResult = { userid: string; state: string; welcome_code: string | null };
export type AddFriendInput = { external_userid: string; userid: string; add_way?: number; state?: string; link_id?: string };
export type RelationInput = { userid: string; external_userid: string };
export type GroupInput = { owner: string; name: string; member_userids?: string[]; external_userids?: string[] };
export type JoinInput = { external_userid?: string; userid?: string; join_scene?: 1 | 2 | 3; via_config_id?: string; invitor?: string };
export type LeaveInput = { external_userid?: string; userid?: string; quit_scene?: 0 | 1 };
export type GroupResult = { chat_id: string; member_version: string };
export type CallbackLogEntry = {
  id: number; event: string; change_type: string; created_at: number; attempts: number; status: CallbackStatus; last_error: string | null;
  xml?: string; // with { includeXml: true }
};
export type Snapshot = { members: number; contacts: number; relations: number; groups: number; tags: number; contact_ways: number; callbacks_pending: number };
export type BulkFollow = { userid: string; createtime: number; state?: string; add_way?: number; remark?: string; description?: string; tag_id?: string[] };
export type BulkContact = { external_userid?: string; name: string; unionid?: string; avatar?: string; gender?: 0 | 1 | 2; type?: 1 | 2; follow: BulkFollow[] };
export type BulkTagGroup = { group_id?: string; group_name: string; order?: number; create_time?: number; tag: Array<{ id?: string; name: string; order?: number; create_time?: number }> };
export type BulkGroupMember = { userid?: string; external_userid?: string; type?: 1 | 2; join_time?: number; join_scene?: number; invitor?: string; state?: string };
export type BulkGroup = { chat_id?: string; name: string; owner: string; create_time?: number; notice?: string; members: BulkGroupMember[] };
export type BulkInput = { departments?: DepartmentInput[]; members?: MemberInput[]; tags?: BulkTagGroup[]; contacts?: BulkContact[]; groups?: BulkGroup[] };
export type BulkResult = {
  departments: number; members: number; external_userids: string[]; chat_ids: string[];
  tag_group: Array<{ group_id: string; group_name: string; tag: Array<{ id: string; name: string }> }>;
};
export type PopulationInput = { rate_per_minute: number; config_ids?: string[] };

export type SimControl = {
  createCorp(input: CorpInput): Promise<{ corpid: string; created: boolean }>;
  setCallback(corpid: string, input: CallbackInput): Promise<void>;
  addDepartments(corpid: string, departments: DepartmentInput[]): Promise<{ count: number }>;
  addMember(corpid: string, member: MemberInput): Promise<{ userid: string }>;
  resignMember(corpid: string, userid: string): Promise<void>;
  createWechatUser(corpid: string, input: WechatUserInput): Promise<{ external_userid: string }>;
  scanContactWay(corpid: string, input: { external_userid: string; config_id: string; pick?: 'round_robin' | 'random' }): Promise<FriendResult>;
  addFriend(corpid: string, input: AddFriendInput): Promise<FriendResult>;
  deleteByMember(corpid: string, input: RelationInput): Promise<void>;
  deleteByCustomer(corpid: string, input: RelationInput): Promise<void>;
  createGroup(corpid: string, input: GroupInput): Promise<GroupResult>;
  joinGroup(corpid: string, chatId: string, input: JoinInput): Promise<GroupResult>;
  leaveGroup(corpid: string, chatId: string, input: LeaveInput): Promise<GroupResult>;
  scanJoinWay(corpid: string, configId: string, input: { external_userid: string }): Promise<GroupResult & { created: boolean }>;
  sendChatMessage(corpid: string, input: { from: string; to: string | string[]; text: string }): Promise<{ msgid: string }>;
  messages(corpid: string, sinceMs?: number): Promise<ChatMessage[]>;
  confirmMassMessage(corpid: string, msgid: string, input: { userid: string; external_userids?: string[] }): Promise<ConfirmResult>;
  refuseTransfer(corpid: string, input: { external_userid: string }): Promise<{ handover_userid: string; takeover_userid: string; status: number }>;
  advanceClock(seconds: number): Promise<{ now: number }>;
  now(): Promise<number>;
  addFault(fault: FaultInput): Promise<Fault>;
  clearFaults(): Promise<void>;
  dropCallbacks(corpid: string, count: number): Promise<void>;
  bulkLoad(corpid: string, input: BulkInput): Promise<BulkResult>;
  setPopulation(corpid: string, input: PopulationInput): Promise<PopulationInput>;
  callbacks(corpid: string, opts?: { includeXml?: boolean }): Promise<CallbackLogEntry[]>;
  invalidateTokens(corpid: string): Promise<{ invalidated: number }>;
  snapshot(corpid: string): Promise<Snapshot>;
  /** The order platforms (Taobao, Douyin, PDD, JD, Kuaishou, Youzan, WeChat Shop): shops, orders, population, faults. */
  platforms: PlatformControl;
};

export function createSimControl(baseUrl: string): SimControl {
  const base = baseUrl.replace(/\/+$/, '');
  const enc = encodeURIComponent;

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const data = text ? (JSON.parse(text) as unknown) : undefined;
    if (!res.ok) {
      const err = (data ?? {}) as { error?: string; errcode?: number };
      throw new SimControlError(res.status, err.error ?? `HTTP ${res.status}`, err.errcode);
    }
    return data as T;
  }
  const corp = (id: string) => `/sim/corps/${enc(id)}`;
  const none = async (p: Promise<unknown>) => {
    await p;
  };

  return {
    createCorp: (input) => call('POST', '/sim/corps', input),
    setCallback: (id, input) => none(call('PUT', `${corp(id)}/callback`, input)),
    addDepartments: (id, departments) => call('POST', `${corp(id)}/departments`, departments),
    addMember: (id, member) => call('POST', `${corp(id)}/members`, member),
    resignMember: (id, userid) => none(call('POST', `${corp(id)}/members/${enc(userid)}/resign`, {})),
    createWechatUser: (id, input) => call('POST', `${corp(id)}/wechat-users`, input),
    scanContactWay: (id, input) => call('POST', `${corp(id)}/scan`, input),
    addFriend: (id, input) => call('POST', `${corp(id)}/friends`, input),
    deleteByMember: (id, input) => none(call('POST', `${corp(id)}/friends/delete-by-member`, input)),
    deleteByCustomer: (id, input) => none(call('POST', `${corp(id)}/friends/delete-by-customer`, input)),
    createGroup: (id, input) => call('POST', `${corp(id)}/groups`, input),
    joinGroup: (id, chatId, input) => call('POST', `${corp(id)}/groups/${enc(chatId)}/join`, input),
    leaveGroup: (id, chatId, input) => call('POST', `${corp(id)}/groups/${enc(chatId)}/leave`, input),
    scanJoinWay: (id, configId, input) => call('POST', `${corp(id)}/join-ways/${enc(configId)}/scan`, input),
    sendChatMessage: (id, input) => call('POST', `${corp(id)}/messages`, input),
    messages: (id, sinceMs = 0) => call('GET', `${corp(id)}/messages?since_ms=${sinceMs}`),
    confirmMassMessage: (id, msgid, input) => call('POST', `${corp(id)}/mass-messages/${enc(msgid)}/confirm`, input),
    refuseTransfer: (id, input) => call('POST', `${corp(id)}/transfers/refuse`, input),
    advanceClock: (seconds) => call('POST', '/sim/clock', { advance_seconds: seconds }),
    now: async () => (await call<{ now: number }>('GET', '/sim/clock')).now,
    addFault: (fault) => call('POST', '/sim/faults', fault),
    clearFaults: () => none(call('DELETE', '/sim/faults')),
    dropCallbacks: (id, count) => none(call('POST', `${corp(id)}/callbacks/drop`, { count })),
    bulkLoad: (id, input) => call('POST', `${corp(id)}/bulk`, input),
    setPopulation: (id, input) => call('POST', `${corp(id)}/population`, input),
    callbacks: (id, opts) => call('GET', `${corp(id)}/callbacks${opts?.includeXml ? '?include_xml=1' : ''}`),
    invalidateTokens: (id) => call('POST', `${corp(id)}/tokens/invalidate`, {}),
    snapshot: (id) => call('GET', `${corp(id)}/snapshot`),
    platforms: createPlatformControl(call),
  };
}
