// WeCom friends reaching call tasks. A wecom.friend_added for a customer notes the friendship on
// their tasks and links those whose outcome is already "added" (an outcome recorded later links at
// once, see call-tasks.service.ts). The usual way a called buyer shows up is as a NEW customer (the
// WeChat user), later merged with the buyer by an order binding: so on customer.merged the buyer's
// tasks follow to the kept customer and take that customer's friendship; an undone merge moves
// them back. Runs in the consumer's transaction with its checkpoint; events are applied in order
// and only the first friendship is kept per task, so a replay changes nothing.
import type { Consumer, StoredEvent } from '../../core/index.ts';
import type { Tx } from '../../db/connect.ts';
import { activeFriendships } from '../channel/index.ts';
import { acquisitionDb } from './acquisition.tables.ts';
import * as repo from './call-lists.repo.ts';

type Arrival = { customerId: string; at: Date; staffId: string | null; userid: string | null };

async function friendsNow(trx: Tx, tenantId: string, customerId: string) {
  const f = (await activeFriendships({ db: trx }, tenantId, [customerId])).get(customerId);
  if (f) await repo.noteFriends(acquisitionDb(trx), tenantId, [{ customerId, at: f.addedAt, staffId: f.staffId, userid: f.userid }]);
}

export const callListsConsumer: Consumer = {
  name: 'acquisition.call-lists',
  types: ['wecom.friend_added', 'customer.merged', 'customer.merge_undone'],
  batchSize: 500,
  async handle(trx, events) {
    const db = acquisitionDb(trx);
    // Runs of friend_added go in one statement per tenant; a merge in between is applied in its place.
    let run: StoredEvent[] = [];
    const flush = async () => {
      const byTenant = new Map<string, Arrival[]>();
      for (const e of run) {
        const p = e.payload as { staffId?: string | null; userid?: string | null };
        const list = byTenant.get(e.tenantId) ?? byTenant.set(e.tenantId, []).get(e.tenantId)!;
        list.push({ customerId: e.aggregateId, at: e.occurredAt, staffId: p.staffId ?? null, userid: p.userid ?? null });
      }
      for (const [tenantId, arrivals] of byTenant) await repo.noteFriends(db, tenantId, arrivals);
      run = [];
    };
    for (const e of events) {
      if (e.aggregateType !== 'customer') continue;
      if (e.type === 'wecom.friend_added') { run.push(e); continue; }
      await flush();
      const mergedId = (e.payload as { mergedId?: string }).mergedId;
      if (!mergedId) continue;
      if (e.type === 'customer.merged') {
        await repo.moveTasks(db, e.tenantId, mergedId, e.aggregateId);
        await friendsNow(trx, e.tenantId, e.aggregateId);
      } else {
        await repo.moveTasksBack(db, e.tenantId, e.aggregateId, mergedId);
        await friendsNow(trx, e.tenantId, mergedId);
      }
    }
    await flush();
  },
};
