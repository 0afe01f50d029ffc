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
    case 'tag.assigned': return `打上标签「${p.tagName}」`;
    case 'tag.removed': return `移除标签「${p.tagName}」`;
    default: return null;
  }
}

export const timelineConsumer: Consumer = {
  name: 'customers.timeline',
  types: ['customer.created', 'customer.updated', 'customer.owner_added', 'tag.assigned', 'tag.removed'],
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
