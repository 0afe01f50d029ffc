// Turns domain events about a customer into timeline entries. Runs as an outbox consumer:
// entries are written in the consumer's own transaction with the checkpoint, and keyed by the
// event id, so a crash or a replay neither loses nor doubles an entry. Entries outlive the outbox
// (retention.service.ts): an entry is the timeline's only record of its event.
import { customersDb } from './customers.tables.ts';
import type { Consumer, StoredEvent } from '../../core/index.ts';
import * as repo from './timeline.repo.ts';

const fieldNames: Record<string, string> = {
  name: '姓名', gender: '性别', birthday: '生日', remark: '备注', province: '省份', city: '城市', phone: '手机号',
};

// What an entry keeps of its event's payload: the references another page could follow (ids, the
// order number, the channel state) and the fields an update changed. Names, reasons and who did it
// are written into the title when the event happens; the tags, staff and merges keep the rest.
const REFERENCE_KEYS = new Set(['userid', 'orderNo', 'platform', 'state', 'fields']);

export function detailOf(payload: Record<string, unknown>): Record<string, unknown> | null {
  const kept = Object.entries(payload).filter(([k, v]) => v != null && (k.endsWith('Id') || REFERENCE_KEYS.has(k)));
  return kept.length ? Object.fromEntries(kept) : null;
}

/** `通过「<name>」`: a channel state by the name the corp gave it, or 渠道 <state> while it has none. */
const viaChannel = (state: string, names?: Map<string, string>) => `通过「${names?.get(state) ?? `渠道 ${state}`}」`;

/**
 * An entry's title. Written when the event is consumed, and written again when read for the
 * events whose words live elsewhere: a friend added by a channel code is titled by the code's
 * name (`names`, state → name) at read time, so renaming the code in WeCom renames its history.
 */
export function titleOf(e: Pick<StoredEvent, 'type' | 'payload'>, names?: Map<string, string>): string | null {
  const p = (e.payload ?? {}) as Record<string, unknown>;
  switch (e.type) {
    case 'customer.created': return `成为客户${p.source ? `（来源：${p.source}）` : ''}`;
    case 'customer.updated': return `资料更新：${((p.fields as string[]) ?? []).map((f) => fieldNames[f] ?? f).join('、') || '—'}`;
    case 'customer.owner_added': return `分配跟进员工${p.staffName ? `：${p.staffName}` : ''}`;
    case 'customer.owner_removed': return `不再由${p.staffName ?? '员工'}跟进${p.reason ? `（${p.reason}）` : ''}`;
    case 'wecom.friend_added': return typeof p.state === 'string' && p.state
      ? `${viaChannel(p.state, names)}添加为好友（${p.staffName ?? p.userid}）`
      : `添加企业微信好友：${p.staffName ?? p.userid}`;
    case 'wecom.friend_deleted': return p.by === 'customer' ? `删除了员工 ${p.staffName ?? p.userid}` : `被员工 ${p.staffName ?? p.userid} 删除`;
    case 'wecom.group_joined': return `加入客户群「${p.groupName ?? ''}」`;
    case 'wecom.group_left': return `退出客户群「${p.groupName ?? ''}」`;
    case 'customer.merged': return `合并了另一条客户记录（${p.reason ?? ''}）`;
    case 'customer.merge_undone': return '撤销了一次客户合并';
    case 'order.bound': return `绑定订单 ${p.orderNo ?? ''}（${p.source === 'h5' ? '客户在 H5 页面' : '员工'}操作）`;
    case 'tag.assigned': return `打上标签「${p.tagName}」`;
    case 'tag.removed': return `移除标签「${p.tagName}」`;
    default: return null;
  }
}

/** The kinds whose title depends on a channel name, and the state it depends on. */
export const channelStateOf = (kind: string, detail: Record<string, unknown> | null): string | null =>
  kind === 'wecom.friend_added' && typeof detail?.state === 'string' && detail.state ? detail.state : null;

export const timelineConsumer: Consumer = {
  name: 'customers.timeline',
  types: ['customer.created', 'customer.updated', 'customer.owner_added', 'customer.owner_removed', 'tag.assigned', 'tag.removed',
    'customer.merged', 'customer.merge_undone', 'order.bound', 'wecom.friend_added', 'wecom.friend_deleted', 'wecom.group_joined', 'wecom.group_left'],
  batchSize: 1000,
  async handle(trx, events) {
    const rows = events.filter((e) => e.aggregateType === 'customer').flatMap((e) => {
      const title = titleOf(e);
      const detail = detailOf(e.payload);
      return title ? [{
        tenant_id: e.tenantId, customer_id: e.aggregateId, event_id: e.id, kind: e.type, title,
        detail: detail ? JSON.stringify(detail) : null, occurred_at: e.occurredAt,
      }] : [];
    });
    await repo.insertTimeline(customersDb(trx), rows);
  },
};
