// Joins 宝贝报表 items to 订单报表 orders while both files stream. The two files of one export list
// orders in the same sequence, so for each chunk of orders the feed reads items up to the chunk's
// last order and a little past it; items of orders not in the chunk wait in a bounded buffer (the
// next chunk's) and, beyond that bound, spill to the staging table. Whatever never met its order
// in the stream — files not aligned, or an items file alone — is taken from staging afterwards,
// so any pair of files gives the same result; aligned files just never touch the table.
import type { LooseItem, RejectedRow } from '@siyu/order-exports';

type Row = { kind: 'item'; item: LooseItem } | { kind: 'reject'; row: RejectedRow } | { kind: 'order' };

export type ItemFeed = {
  /** Items of these orders found in the stream (removed from the feed). */
  take(orderIds: string[]): Promise<Map<string, LooseItem[]>>;
  /** Everything left (unread rows and the buffer), to be staged. */
  rest(): AsyncIterable<LooseItem>;
};

const BUFFER = 50_000; // items: room for a 5,000-order chunk of large orders before anything spills

export function createItemFeed(rows: AsyncIterable<Row>, hooks: { onRow: () => void; onReject: (r: RejectedRow) => Promise<void>; spill: (items: LooseItem[]) => Promise<void> }): ItemFeed {
  const it = rows[Symbol.asyncIterator]();
  const buffer = new Map<string, LooseItem[]>();
  let buffered = 0;
  let done = false;

  async function next(): Promise<LooseItem | null> {
    for (;;) {
      if (done) return null;
      const r = await it.next();
      if (r.done) { done = true; return null; }
      hooks.onRow();
      if (r.value.kind === 'item') return r.value.item;
      if (r.value.kind === 'reject') await hooks.onReject(r.value.row);
    }
  }

  function keep(i: LooseItem) {
    const list = buffer.get(i.orderId);
    if (list) list.push(i); else buffer.set(i.orderId, [i]);
    buffered++;
  }

  async function spillOldest() {
    // Oldest orders first (a Map keeps insertion order): they are the ones least likely to come.
    const out: LooseItem[] = [];
    for (const [id, list] of buffer) {
      out.push(...list);
      buffer.delete(id);
      if (out.length >= BUFFER / 2) break;
    }
    buffered -= out.length;
    await hooks.spill(out);
  }

  return {
    async take(orderIds) {
      const want = new Set(orderIds);
      const last = orderIds[orderIds.length - 1];
      let sawLast = buffer.has(last);
      for (;;) {
        const i = await next();
        if (!i) break;
        keep(i);
        if (i.orderId === last) sawLast = true;
        else if (sawLast && !want.has(i.orderId)) break; // past the chunk's last order
        if (buffered > BUFFER) await spillOldest();
      }
      const out = new Map<string, LooseItem[]>();
      for (const id of want) {
        const list = buffer.get(id);
        if (list) { out.set(id, list); buffer.delete(id); buffered -= list.length; }
      }
      return out;
    },
    async *rest() {
      for (const list of buffer.values()) yield* list;
      buffer.clear();
      buffered = 0;
      for (;;) {
        const i = await next();
        if (!i) return;
        yield i;
      }
    },
  };
}
