// Page-number APIs (TOP, Douyin, PDD, JD, Youzan) are read from the LAST page backwards.
// Why: a page is cut from a live list. While we page, an order in this window can be modified;
// its modified time then moves past the window's end (our windows end in the past, a safety lag
// behind now) and it drops out of the list, shifting every later row one place forward. Reading
// forward, the row that shifts across the boundary of pages already read is never seen — a silent
// miss (the platforms' own docs warn about it). Reading backward, rows shift from unread pages into
// read ones: at worst a row is read twice, which the idempotent writer absorbs. The modified order
// itself is picked up by the next window or the next run.
//
// First call: page 1 (the probe) gives the total. One page → done. Otherwise the probe's rows are
// kept (harmless) and the walk goes last page → first.
export type PageCursor = { page: number };
export type Fetched<T> = { items: T[]; total: number };

export async function backwardPage<T>(
  cursor: PageCursor | null, pageSize: number, firstPage: 0 | 1, maxRows: number,
  fetch: (page: number) => Promise<Fetched<T>>,
): Promise<{ items: T[]; next: PageCursor | null; tooMany?: boolean }> {
  if (!cursor) {
    const probe = await fetch(firstPage);
    if (probe.total > maxRows) return { items: [], next: null, tooMany: true };
    const pages = Math.ceil(probe.total / pageSize);
    if (pages <= 1) return { items: probe.items, next: null };
    return { items: probe.items, next: { page: firstPage + pages - 1 } };
  }
  const r = await fetch(cursor.page);
  return { items: r.items, next: cursor.page > firstPage ? { page: cursor.page - 1 } : null };
}
