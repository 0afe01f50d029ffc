import type { CallbackLogItem, RelationStatus, SyncStatus } from '@siyu/contracts';
import dayjs from 'dayjs';
import { i18n } from '../../i18n/index.ts';

// WeCom's event names are open-ended: show the Chinese name when there is one, else the raw value.
function known(key: string): string | null {
  return i18n.exists(key) ? String(i18n.t(key as never)) : null;
}

/** 添加客户 / 被客户删除 / 客户群变更…, from WeCom's Event and ChangeType. */
export function callbackEventLabel(event: string, changeType: string | null): string {
  return (
    (changeType && known(`callbackEvent.${event}.${changeType}`)) ||
    known(`callbackEvent.${event}.any`) ||
    [event, changeType].filter(Boolean).join(' / ')
  );
}

/** A sync stat's name (customersNew → 新增客户); unknown keys show as sent. */
export function syncStatLabel(key: string): string {
  return known(`sync.stat.${key}`) ?? key;
}

export const SYNC_STATUS_COLOR: Record<SyncStatus, string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

export const CALLBACK_STATUS_COLOR: Record<CallbackLogItem['status'], string> = {
  pending: 'processing',
  processed: 'success',
  failed: 'error',
  ignored: 'default',
};

export const RELATION_STATUS_COLOR: Record<RelationStatus, string> = {
  active: 'green',
  deleted_by_staff: 'orange',
  deleted_by_customer: 'red',
  transferring: 'blue',
};

/** How long a run took, or has been running: 42 秒, 3 分 5 秒. */
export function runDuration(startedAt: string | null, finishedAt: string | null): string {
  if (!startedAt) return '—';
  const total = Math.max(0, Math.round(dayjs(finishedAt ?? undefined).diff(dayjs(startedAt)) / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return m > 0 ? i18n.t('sync.minutes', { m, s }) : i18n.t('sync.seconds', { s });
}

export function formatSeconds(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—';
}
