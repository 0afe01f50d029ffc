import { viewOf, type Db, type Tx } from '../../db/connect.ts';
import type { ColumnType, Kysely } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type RoleName = 'owner' | 'admin' | 'operator_lead' | 'staff';

export type TenantsTable = { tenant_id: string; slug: string; name: string; created_at: Timestamp };

export type DepartmentsTable = {
  tenant_id: string;
  id: string;
  parent_id: string | null;
  name: string;
  sort_order: number;
  path: string; // '/root/child/self/': subtree = path LIKE '<dept path>%'
  wecom_dept_id: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: Timestamp;
};

export type StaffTable = {
  tenant_id: string;
  id: string;
  username: string;
  name: string;
  role: RoleName;
  department_id: string | null;
  password_hash: string;
  phone_enc: string | null;
  phone_masked: string | null;
  wecom_userid: string | null;
  active: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type SessionsTable = {
  tenant_id: string;
  id: string; // sha256 of the cookie secret: a stolen table row is not a session
  staff_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
};

export type ApiTokensTable = {
  tenant_id: string;
  id: string;
  staff_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: Date | null;
  revoked_at: Date | null;
};

/** Browsers an account has logged in from: such a device skips the address-based login limits. */
export type LoginDevicesTable = {
  tenant_id: string;
  staff_id: string;
  device_hash: string; // sha256 of the device cookie's random secret
  created_at: Timestamp;
  last_seen_at: Timestamp;
};

export type TenancyTables = {
  tenants: TenantsTable;
  departments: DepartmentsTable;
  staff: StaffTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_devices: LoginDevicesTable;
};

/** What this module's repos query: its own tables and nothing else. */
export type TenancyDb = Kysely<TenancyTables>;
/** This module's view of the process's handle or of a flow's transaction. */
export const tenancyDb = (db: Db | Tx): TenancyDb => viewOf<TenancyTables>(db);
