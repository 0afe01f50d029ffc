// Turns domain events about a customer into timeline entries. Runs as an outbox consumer:
// entries are written in the consumer's own transaction with the checkpoint, and keyed by the
// event id, so a crash or a replay neither loses nor doubles an entry.
import type { Consumer, StoredEvent } from '../../core/index.ts';
import { newId } from '../../core/index.ts';
import * as repo from './customers.repo.ts';

const fieldNames: Record<string, string> = {
  name: '姓名', gender: '性别', birthday: '生日', remark: '备注', province: '省份', city: '城市', phone: '手机号',
};

export function titleOf(e: StoredEvent): string | null {
  const p = e.payload as Record<string, unknown>;
  switch (e.type) {
    case 'customer.created': return `成为客户${p.source ? `（来源：${p.source}）` : ''}`;
    case 'customer.updated': return `资料更新：${((p.fields as string[]) ?? []).map((f) => fieldNames[f] ?? f).join('、') || '—'}`;
    case 'customer.owner_added': return `分配跟进员工${p.staffName ? `：${p.staffName}` : ''}`;
    case 'customer.owner_removed': return `不再由${p.staffName ?? '员工'}跟进${p.reason ? `（${p.reason}）` : ''}`;
    case 'wecom.friend_added': return `添加企业微信好友：${p.staffName ?? p.userid}${p.state ? `（渠道 ${p.state}）` : ''}`;
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

export const timelineConsumer: Consumer = {
  name: 'customers.timeline',
  types: ['customer.created', 'customer.updated', 'customer.owner_added', 'customer.owner_removed', 'tag.assigned', 'tag.removed',
    'customer.merged', 'customer.merge_undone', 'order.bound', 'wecom.friend_added', 'wecom.friend_deleted', 'wecom.group_joined', 'wecom.group_left'],
  batchSize: 1000,
  async handle(trx, events) {
    const rows = events.filter((e) => e.aggregateType === 'customer').flatMap((e) => {
      const title = titleOf(e);
      return title ? [{
        tenant_id: e.tenantId, id: newId(), customer_id: e.aggregateId, event_id: e.id, kind: e.type, title,
        detail: JSON.stringify(e.payload), occurred_at: e.occurredAt,
      }] : [];
    });
    await repo.insertTimeline(trx, rows);
  },
};
