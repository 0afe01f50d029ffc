// WeCom channel: the tenant's corp connection, callback intake, sync runs, customer groups and the
// WeCom side of a customer (which staff added them, when, how and through which channel state).
import { z } from 'zod';
import { msg } from './messages.ts';

export const WecomConnectionStatus = z.enum(['untested', 'connected', 'error']);
export type WecomConnectionStatus = z.infer<typeof WecomConnectionStatus>;

export const WecomConnection = z.object({
  corpId: z.string(),
  agentId: z.number().int().nullable(),
  baseUrl: z.string(), // https://qyapi.weixin.qq.com, or the simulator's URL
  // Where WeCom must post callbacks (set it in WeCom's admin console); derived from the request host.
  callbackPath: z.string(),
  hasSecret: z.boolean(),
  hasCallbackToken: z.boolean(),
  hasEncodingAesKey: z.boolean(),
  status: WecomConnectionStatus,
  lastTestedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastCallbackAt: z.string().nullable(),
  callbacksLast24h: z.number().int(),
  callbacksPending: z.number().int(),
  callbacksFailed: z.number().int(),
  updatedAt: z.string(),
});
export type WecomConnection = z.infer<typeof WecomConnection>;

// Secrets are write-only: omitted on an update means "keep the stored one".
export const WecomConnectionInput = z.object({
  corpId: z.string().trim().regex(/^[A-Za-z0-9_-]{4,64}$/, msg('企业 ID 格式不正确', 'Not a valid corp ID')),
  agentId: z.number().int().positive().nullable().optional(),
  baseUrl: z.string().trim().url(msg('接口地址应为 http(s) 地址', 'Should be an http(s) address')).optional(),
  secret: z.string().trim().min(8, msg('Secret 太短', 'Secret too short')).max(128).optional(),
  callbackToken: z.string().trim().regex(/^[A-Za-z0-9]{1,32}$/, msg('Token 为 1–32 位字母或数字', 'Token is 1–32 letters or digits')).optional(),
  encodingAesKey: z.string().trim().regex(/^[A-Za-z0-9]{43}$/, msg('EncodingAESKey 应为 43 位字母或数字', 'EncodingAESKey is 43 letters or digits')).optional(),
});
export type WecomConnectionInput = z.infer<typeof WecomConnectionInput>;

export const WecomConnectionTest = z.object({
  ok: z.boolean(),
  message: z.string(),
  followUsers: z.number().int().nullable(), // members with customer contact enabled
  ms: z.number().int(),
});
export type WecomConnectionTest = z.infer<typeof WecomConnectionTest>;

export const SyncKind = z.enum(['full', 'incremental']);
export type SyncKind = z.infer<typeof SyncKind>;
export const SyncStatus = z.enum(['queued', 'running', 'done', 'failed']);
export type SyncStatus = z.infer<typeof SyncStatus>;
// channels: the corp's contact ways (渠道活码), for the names of the states friends came by.
export const SyncPhaseName = z.enum(['departments', 'members', 'tags', 'channels', 'customers', 'groups']);
export type SyncPhaseName = z.infer<typeof SyncPhaseName>;

export const SyncRun = z.object({
  id: z.string(),
  kind: SyncKind,
  status: SyncStatus,
  phase: SyncPhaseName.nullable(), // the phase now running
  phases: z.array(z.object({ name: SyncPhaseName, done: z.number().int(), total: z.number().int().nullable(), finished: z.boolean() })),
  stats: z.record(z.string(), z.number()), // e.g. customersNew, customersUpdated, relationsEnded, tagsPushed
  error: z.string().nullable(),
  requestedBy: z.string().nullable(), // staff name
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type SyncRun = z.infer<typeof SyncRun>;

export const SyncOverview = z.object({ current: SyncRun.nullable(), recent: z.array(SyncRun) });
export type SyncOverview = z.infer<typeof SyncOverview>;
export const SyncStartInput = z.object({ kind: SyncKind.default('incremental') });

export const CallbackStatus = z.enum(['pending', 'processed', 'failed', 'ignored']);
export const CallbackLogItem = z.object({
  id: z.string(),
  receivedAt: z.string(),
  event: z.string(),
  changeType: z.string().nullable(),
  summary: z.string(), // e.g. "张三 添加了客户 wm…AAAA（state: pkgcard-01）"
  status: CallbackStatus,
  error: z.string().nullable(),
  attempts: z.number().int(),
});
export type CallbackLogItem = z.infer<typeof CallbackLogItem>;

// add_way labels come from WeCom's numbers (see docs/glossary.md); the console shows addWayLabel.
export const RelationStatus = z.enum(['active', 'deleted_by_staff', 'deleted_by_customer', 'transferring']);
export type RelationStatus = z.infer<typeof RelationStatus>;
export const WecomRelation = z.object({
  staffId: z.string().nullable(), // null while the member is not yet matched to a Siyu staff
  staffName: z.string(),
  userid: z.string(),
  externalUserId: z.string(),
  addedAt: z.string(),
  addWay: z.number().int(),
  addWayLabel: z.string(),
  state: z.string().nullable(), // the contact way's state: the channel the friend came through
  stateName: z.string().nullable(), // what the operator calls that way (its remark); null while WeCom has not named it
  remark: z.string().nullable(),
  description: z.string().nullable(),
  status: RelationStatus,
  endedAt: z.string().nullable(),
});
export type WecomRelation = z.infer<typeof WecomRelation>;

// A channel live code (渠道活码) by its state, with the name the corp gave it (the way's remark, or
// whose code it is); null when no contact way with that state is known (console: 渠道 <state>).
export const ChannelRef = z.object({ state: z.string(), name: z.string().nullable() });
export type ChannelRef = z.infer<typeof ChannelRef>;

export const WecomChannel = z.object({
  state: z.string(),
  name: z.string(),
  deleted: z.boolean(), // every way with this state was deleted in WeCom (old friends still came by it)
});
export type WecomChannel = z.infer<typeof WecomChannel>;

export const CustomerWecom = z.object({
  externalUserId: z.string().nullable(),
  unionid: z.boolean(), // whether a unionid is known (the value itself is not shown)
  type: z.enum(['wechat', 'wecom']).nullable(),
  relations: z.array(WecomRelation),
  groups: z.array(z.object({ chatId: z.string(), name: z.string(), joinedAt: z.string(), leftAt: z.string().nullable() })),
});
export type CustomerWecom = z.infer<typeof CustomerWecom>;

export const GroupListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  ownerStaffId: z.string().optional(),
  status: z.enum(['active', 'dismissed']).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type GroupListQuery = z.infer<typeof GroupListQuery>;

export const GroupListItem = z.object({
  chatId: z.string(),
  name: z.string(),
  ownerUserid: z.string(),
  ownerName: z.string(),
  memberCount: z.number().int(),
  customerCount: z.number().int(), // external members
  status: z.enum(['active', 'dismissed']),
  createdAt: z.string(),
  notice: z.string().nullable(),
});
export type GroupListItem = z.infer<typeof GroupListItem>;
export const GroupListPage = z.object({ items: z.array(GroupListItem), nextCursor: z.string().nullable(), total: z.number().int() });
export type GroupListPage = z.infer<typeof GroupListPage>;

export const GroupMember = z.object({
  memberId: z.string(), // userid for staff, external_userid for customers
  type: z.enum(['staff', 'customer']),
  name: z.string(),
  customerId: z.string().nullable(),
  joinedAt: z.string(),
  joinScene: z.number().int().nullable(),
  joinSceneLabel: z.string(),
  state: z.string().nullable(),
  leftAt: z.string().nullable(),
});
export type GroupMember = z.infer<typeof GroupMember>;
export const GroupDetail = GroupListItem.extend({ members: z.array(GroupMember), admins: z.array(z.string()) });
export type GroupDetail = z.infer<typeof GroupDetail>;
