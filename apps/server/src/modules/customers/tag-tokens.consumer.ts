// Keeps `t:<tagId>` tokens in customers.search_grams in step with tag events, so a tag filter
// is one GIN intersection with the search and scope tokens. The list still rechecks each row
// against customer_tags, so a token that is briefly behind can hide a just-tagged customer for
// a moment but never show a wrong one.
import { customersDb } from './customers.tables.ts';
import type { Consumer } from '../../core/index.ts';
import * as repo from './customers.repo.ts';

export const tagTokensConsumer: Consumer = {
  name: 'customers.tag-tokens',
  types: ['tag.assigned', 'tag.removed', 'tag.deleted'],
  batchSize: 2000,
  async handle(trx, events) {
    // Net effect per (tenant, tag, customer) in event order, then one statement per tag and direction.
    const last = new Map<string, { tenantId: string; tagId: string; customerId: string; add: boolean }>();
    for (const e of events) {
      const tagId = String((e.payload as { tagId?: string }).tagId ?? '');
      if (!tagId) continue;
      if (e.type === 'tag.deleted') {
        for (const [k, v] of last) if (v.tenantId === e.tenantId && v.tagId === tagId) last.delete(k);
        await repo.dropTagToken(customersDb(trx), e.tenantId, tagId);
        continue;
      }
      last.set(`${e.tenantId}|${tagId}|${e.aggregateId}`, { tenantId: e.tenantId, tagId, customerId: e.aggregateId, add: e.type === 'tag.assigned' });
    }
    const byTag = new Map<string, { tenantId: string; tagId: string; add: string[]; remove: string[] }>();
    for (const v of last.values()) {
      const key = `${v.tenantId}|${v.tagId}`;
      const g = byTag.get(key) ?? { tenantId: v.tenantId, tagId: v.tagId, add: [], remove: [] };
      (v.add ? g.add : g.remove).push(v.customerId);
      byTag.set(key, g);
    }
    for (const g of byTag.values()) await repo.applyTagTokens(customersDb(trx), g.tenantId, g.tagId, g.add, g.remove);
  },
};
