import { z } from 'zod';
import { msg } from './messages.ts';

export const Role = z.enum(['owner', 'admin', 'operator_lead', 'staff']);
export type Role = z.infer<typeof Role>;

// Login names are "username@tenant-slug" (e.g. admin@demo): one field, no tenant picker.
export const LoginInput = z.object({
  account: z.string().min(3).max(200),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const Me = z.object({
  staffId: z.string(),
  tenantId: z.string(),
  tenantName: z.string(),
  tenantSlug: z.string(),
  username: z.string(),
  name: z.string(),
  role: Role,
  departmentId: z.string().nullable(),
});
export type Me = z.infer<typeof Me>;

export const Department = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  sortOrder: z.number().int(),
  staffCount: z.number().int(),
});
export type Department = z.infer<typeof Department>;

export const DepartmentInput = z.object({
  name: z.string().trim().min(1).max(64),
  parentId: z.string().nullable().optional(),
  sortOrder: z.number().int().optional(),
});
export type DepartmentInput = z.infer<typeof DepartmentInput>;

export const Staff = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: Role,
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  active: z.boolean(),
  customerCount: z.number().int(),
  createdAt: z.string(),
  /** Locked out of logging in from some address or device now (an admin can unlock it). */
  loginLocked: z.boolean(),
});
export type Staff = z.infer<typeof Staff>;

/** POST /api/staff/:id/unlock: how many login locks (addresses or devices) were lifted. */
export const StaffUnlockResult = z.object({ cleared: z.number().int() });
export type StaffUnlockResult = z.infer<typeof StaffUnlockResult>;

export const StaffCreateInput = z.object({
  username: z.string().trim().regex(/^[A-Za-z0-9._-]{2,64}$/, msg('账号只能包含字母、数字、点、下划线和短横线', 'Only letters, digits, dots, underscores and hyphens')),
  name: z.string().trim().min(1).max(64),
  password: z.string().min(8, msg('密码至少 8 位', 'At least 8 characters')).max(200),
  role: Role,
  departmentId: z.string().nullable().optional(),
  phone: z.string().trim().optional(),
});
export type StaffCreateInput = z.infer<typeof StaffCreateInput>;

export const StaffUpdateInput = z.object({
  name: z.string().trim().min(1).max(64).optional(),
  role: Role.optional(),
  departmentId: z.string().nullable().optional(),
  active: z.boolean().optional(),
  password: z.string().min(8, msg('密码至少 8 位', 'At least 8 characters')).max(200).optional(),
});
export type StaffUpdateInput = z.infer<typeof StaffUpdateInput>;

export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const ApiTokenCreated = ApiToken.extend({ token: z.string() });
export type ApiTokenCreated = z.infer<typeof ApiTokenCreated>;
