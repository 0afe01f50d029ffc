// The demo brand's WeCom, as the simulator holds it: the same departments, staff (userid =
// username), friends (each demo customer with a WeCom identity, followed by their owners, with
// the channel state their source implies) and a dozen customer groups run by the community team.
// Read from the demo tenant's rows, so "WeCom" and Siyu agree before the first sync.
import type { BulkContact, BulkGroup, DepartmentInput, MemberInput } from '@siyu/simulator';
import type { Deps } from '../deps.ts';
import { createRng } from './random.ts';
import { orgChart, ownedCustomersWithIdentity } from './ports.ts';

// How each demo source reached WeCom: the contact way's state (渠道活码) and WeCom's add_way.
export const DEMO_CHANNELS: Record<string, { state: string; remark: string } | undefined> = {
  包裹卡: { state: 'pkgcard-2026', remark: '包裹卡（全店通用）' },
  直播间: { state: 'live-douyin', remark: '抖音直播间口播码' },
  公众号: { state: 'mp-menu', remark: '公众号菜单' },
  裂变活动: { state: 'fission-618', remark: '618 裂变海报' },
  门店: { state: 'store-hz01', remark: '杭州门店台卡' },
  淘宝订单: { state: 'sms-tb', remark: '淘宝订单短信' },
  抖音订单: { state: 'sms-dy', remark: '抖音订单短信' },
};

export type DemoWecomData = { departments: DepartmentInput[]; members: MemberInput[]; contacts: BulkContact[]; groups: BulkGroup[]; deptLinks: Array<{ id: string; wecomDeptId: number }>; staffLinks: Array<{ id: string; userid: string }> };

export async function readDemoWecom(deps: Deps, tenantId: string, brandName: string): Promise<DemoWecomData> {
  const org = await orgChart(deps, tenantId);
  const depts = org.departments; // parents first
  const wecomId = new Map(depts.map((d, i) => [d.id, i + 2])); // 1 is the corp itself
  const departments: DepartmentInput[] = [{ id: 1, name: brandName, parentid: 0 },
    ...depts.map((d) => ({ id: wecomId.get(d.id)!, name: d.name, parentid: d.parentId ? wecomId.get(d.parentId)! : 1, order: 1000 - d.sortOrder }))];
  const staff = org.staff.filter((s) => s.active);
  const members: MemberInput[] = staff.map((s) => ({
    userid: s.username, name: s.name, department: [s.departmentId ? wecomId.get(s.departmentId)! : 1], customer_contact: s.role !== 'owner',
  }));

  // Friends: each customer with a WeCom identity, followed by their owners (userid = username).
  const username = new Map(org.staff.map((s) => [s.id, s.username]));
  const rows = await ownedCustomersWithIdentity(deps, tenantId, 'wecom_external_userid');
  const rng = createRng(7);
  const contacts: BulkContact[] = rows.map((r) => {
    const ch = r.source ? DEMO_CHANNELS[r.source] : undefined;
    return {
      external_userid: r.value, name: r.nickname ?? r.name, unionid: r.unionid ?? undefined,
      gender: r.gender === 'male' ? 1 : r.gender === 'female' ? 2 : 0, type: 1,
      follow: r.owners.map((staffId, k) => ({
        userid: username.get(staffId)!, createtime: Math.floor(new Date(r.since[k]).getTime() / 1000),
        ...(k === 0 && ch ? { state: ch.state, add_way: 1 } : { add_way: rng.pick([2, 3, 6, 201]) }),
      })),
    };
  });

  // Groups: the community team's, each with customers who have one of them as a friend.
  const community = new Set(staff.filter((s) => ['hejiayi', 'huxiaomei', 'gaoxue'].includes(s.username)).map((s) => s.username));
  const pool = contacts.filter((c) => c.follow.some((f) => community.has(f.userid)));
  const names = ['阿胶养生交流群', '燕窝美颜福利群', '花胶滋补会员群', '新客福利群', '宝妈滋补群', '银发养生群', '秋冬进补群', 'VIP 尊享群', '每日膏方打卡群', '618 抢购群', '双11 预热群', '老客回购群'];
  const owners = [...community];
  const groups: BulkGroup[] = owners.length === 0 ? [] : names.map((n, i) => {
    const owner = owners[i % owners.length];
    const size = 40 + rng.int(150);
    const members = new Map<string, BulkContact>();
    for (let k = 0; k < size * 3 && members.size < size && pool.length; k++) {
      const c = pool[rng.int(pool.length)];
      members.set(c.external_userid!, c);
    }
    const joined = [...members.values()].map((c) => Math.max(...c.follow.map((f) => f.createtime)) + 3600 * (1 + rng.int(72)));
    const created = Math.min(...joined, Math.floor(Date.now() / 1000)) - 86_400;
    return {
      name: `固元堂${n}`, owner, create_time: created, notice: '每周三 20:00 群内直播讲解养生知识，欢迎提问～',
      members: [
        { userid: owner, type: 1, join_time: created, join_scene: 1 },
        ...[...members.values()].map((c, k) => ({ external_userid: c.external_userid!, type: 2 as const, join_time: Math.min(joined[k], Math.floor(Date.now() / 1000)), join_scene: rng.pick([1, 3, 3]) })),
      ],
    };
  });
  return {
    departments, members, contacts, groups,
    deptLinks: depts.map((d) => ({ id: d.id, wecomDeptId: wecomId.get(d.id)! })),
    staffLinks: staff.map((s) => ({ id: s.id, userid: s.username })),
  };
}
