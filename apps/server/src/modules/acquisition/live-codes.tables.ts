// Tables of the acquisition module's live-codes part (渠道活码): the codes Siyu manages as WeCom
// contact ways, who stands behind each, every add it brought and every welcome message sent.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** One working-hour slot in Asia/Shanghai: weekday 1 (Mon) … 7 (Sun), 'HH:MM' to 'HH:MM'. */
export type ScheduleSlot = { weekday: number; from: string; to: string };
export type WelcomeAttachment =
  | { msgtype: 'image'; image: { pic_url: string } }
  | { msgtype: 'link'; link: { title: string; url: string; picurl?: string; desc?: string } }
  | { msgtype: 'miniprogram'; miniprogram: { title: string; pic_media_id: string; appid: string; page: string } };
export type WelcomeMessage = { text: string; attachments: WelcomeAttachment[] };

export type LiveCodeStatus = 'active' | 'paused' | 'deleted';
export type LiveCodeStrategy = 'round_robin' | 'weighted';
/** Who WeCom may hand a customer to right now: primary staff, the backups, the overflow (no backup set) or nobody. */
export type LiveCodeMode = 'primary' | 'backup' | 'overflow' | 'none';

export type LiveCodesTable = {
  tenant_id: string; id: string; name: string; state: string;
  config_id: string | null; qr_code: string | null; // null while paused: WeCom's way is deleted then
  status: LiveCodeStatus; strategy: LiveCodeStrategy; skip_verify: boolean;
  tag_ids: string[]; backup_staff_ids: string[];
  welcome: Json<WelcomeMessage | null>; // null: the tenant's default welcome
  wecom_userids: string[]; mode: LiveCodeMode; // what the WeCom way carries now
  sync_error: string | null; created_by: string; created_at: Timestamp; updated_at: Timestamp;
};

export type LiveCodeStaffTable = {
  tenant_id: string; code_id: string; staff_id: string; weight: number; daily_cap: number | null;
  schedule: Json<ScheduleSlot[]>; sort_order: number;
};

export type LiveCodeAddsTable = {
  tenant_id: string; id: Generated<string>; code_id: string; staff_id: string | null; userid: string;
  external_userid: string; customer_id: string; day: string; added_at: Timestamp;
};

export type WelcomeSendStatus = 'pending' | 'sent' | 'failed';
export type LiveCodeWelcomesTable = {
  tenant_id: string; welcome_code: string; code_id: string | null; userid: string; external_userid: string;
  status: WelcomeSendStatus; errcode: number | null; error: string | null; used_default: boolean;
  created_at: Timestamp; finished_at: Date | null;
};

export type LiveCodeSettingsTable = { tenant_id: string; default_welcome: Json<WelcomeMessage | null>; updated_at: Timestamp };

export type LiveCodesTables = {
  live_codes: LiveCodesTable; live_code_staff: LiveCodeStaffTable; live_code_adds: LiveCodeAddsTable;
  live_code_welcomes: LiveCodeWelcomesTable; live_code_settings: LiveCodeSettingsTable;
};
