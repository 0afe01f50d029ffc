import { z } from 'zod';
import { msg } from './messages.ts';
import { CustomerTag } from './tags.ts';
import { ChannelRef } from './channel.ts';

export const Gender = z.enum(['male', 'female', 'unknown']);

export const IdentityKind = z.enum([
  'wecom_external_userid',
  'unionid',
  'platform_buyer', // per shop: Taobao buyer_open_uid, Douyin doudian_open_id, …
  'phone_hash',
]);
export type IdentityKind = z.infer<typeof IdentityKind>;

export const CustomerListItem = z.object({
  id: z.string(),
  name: z.string(),
  nickname: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  gender: Gender,
  phoneMasked: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  source: z.string().nullable(),
  // The channel live code the customer first came through as a WeCom friend, if any.
  sourceChannel: ChannelRef.nullable(),
  tags: z.array(z.object({ id: z.string(), name: z.string(), color: z.string().nullable() })),
  owners: z.array(z.object({ staffId: z.string(), name: z.string() })),
  createdAt: z.string(),
});
export type CustomerListItem = z.infer<typeof CustomerListItem>;

export const CustomerListQuery = z.object({
  q: z.string().trim().max(100).optional(), // name or nickname fragment, full phone, or its last 4 digits
  tagIds: z.string().optional(), // comma-separated; a customer must carry all of them
  ownerStaffId: z.string().optional(),
  cursor: z.string().optional(), // opaque keyset cursor from the previous page
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;

export const CustomerListPage = z.object({
  items: z.array(CustomerListItem),
  nextCursor: z.string().nullable(),
  // Exact up to 1,000, then capped, and only on the first page (null after, or when counting ran
  // out of its time budget): counting is the expensive half of a page at a million customers.
  // The console keeps the first page's total.
  total: z.number().int().nullable(),
  totalCapped: z.boolean(),
});
export type CustomerListPage = z.infer<typeof CustomerListPage>;

export const Identity = z.object({
  kind: IdentityKind,
  scope: z.string().nullable(), // shop id, corp id… where the id is only unique inside a scope
  valueMasked: z.string(),
  createdAt: z.string(),
});
export type Identity = z.infer<typeof Identity>;

export const TimelineEntry = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  occurredAt: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const CustomerDetail = CustomerListItem.omit({ tags: true }).extend({
  birthday: z.string().nullable(),
  remark: z.string().nullable(),
  profile: z.record(z.string(), z.unknown()),
  identities: z.array(Identity),
  tags: z.array(CustomerTag),
  updatedAt: z.string(),
});
export type CustomerDetail = z.infer<typeof CustomerDetail>;

export const CustomerUpdateInput = z.object({
  name: z.string().trim().min(1).max(64).optional(),
  gender: Gender.optional(),
  birthday: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
  remark: z.string().max(500).nullable().optional(),
  province: z.string().max(32).nullable().optional(),
  city: z.string().max(32).nullable().optional(),
  phone: z.string().trim().regex(/^1\d{10}$/, msg('手机号应为 11 位数字', 'A mobile number has 11 digits')).nullable().optional(),
});
export type CustomerUpdateInput = z.infer<typeof CustomerUpdateInput>;

export const CustomerCreateInput = z.object({
  name: z.string().trim().min(1).max(64),
  gender: Gender.default('unknown'),
  phone: z.string().trim().regex(/^1\d{10}$/, msg('手机号应为 11 位数字', 'A mobile number has 11 digits')).optional(),
  province: z.string().max(32).optional(),
  city: z.string().max(32).optional(),
  remark: z.string().max(500).optional(),
  ownerStaffId: z.string().optional(),
});
export type CustomerCreateInput = z.infer<typeof CustomerCreateInput>;

export const RevealPhoneInput = z.object({ reason: z.string().trim().min(2, msg('请填写查看原因', 'Please give a reason')).max(200) });
export const RevealedPhone = z.object({ phone: z.string().nullable() });
