// Who calls whom: tasks dealt to staff in turn (round-robin), or in proportion to their weights.
// Weighted dealing is the smooth weighted round-robin (as nginx's upstreams): each turn every
// member gains their weight, the highest takes the task and gives back the total — so weights
// 2:1 deal A B A A B A…, spread evenly instead of in blocks, and exact over every full cycle.

export type Assignee = { staffId: string; weight: number };

export function assign(n: number, staff: Assignee[], mode: 'round_robin' | 'weight'): string[] {
  if (staff.length === 0) return [];
  if (mode === 'round_robin') return Array.from({ length: n }, (_, i) => staff[i % staff.length].staffId);
  const total = staff.reduce((s, x) => s + x.weight, 0);
  const current = staff.map(() => 0);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 0; j < staff.length; j++) {
      current[j] += staff[j].weight;
      if (current[j] > current[best]) best = j;
    }
    current[best] -= total;
    out.push(staff[best].staffId);
  }
  return out;
}

const shanghaiDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** The script with its variables ({客户姓名} {商品名} {订单号} {下单日期} {员工姓名}) filled. */
export function fillScript(script: string, v: { customerName: string; titles: string; orderNo: string; orderedAt: Date | null; staffName: string }): string {
  const values: Record<string, string> = {
    客户姓名: v.customerName, 商品名: v.titles.split('，')[0] ?? '', 订单号: v.orderNo,
    下单日期: v.orderedAt ? shanghaiDay(v.orderedAt) : '', 员工姓名: v.staffName,
  };
  return script.replace(/\{(客户姓名|商品名|订单号|下单日期|员工姓名)\}/g, (_, k: string) => values[k]);
}
