// The demo brand's team: a private-domain centre with 1:1, community and acquisition groups,
// plus content and data, as the seed cases organise it. Every account logs in with DEMO_PASSWORD.
import type { Deps } from '../deps.ts';
import { createDepartment, createStaff, type Actor, type RoleName } from './ports.ts';
import type { Rng } from './random.ts';

export type DemoStaff = {
  id: string;
  username: string;
  name: string;
  role: RoleName;
  department: string | null;
  /** Share of new customers this person takes as first owner (only role `staff` takes any). */
  ownerWeight: number;
  /** Community staff are added as a customer's second owner when the customer joins a group. */
  community: boolean;
};

// [name, parent]: created in this order so parents exist first.
const DEPARTMENTS: ReadonlyArray<readonly [string, string | null]> = [
  ['私域运营中心', null],
  ['1:1 私聊组A', '私域运营中心'],
  ['1:1 私聊组B', '私域运营中心'],
  ['社群组', '私域运营中心'],
  ['加粉组', '私域运营中心'],
  ['内容组', null],
  ['数据组', null],
];

// [username, name, role, department, owner weight]
const TEAM: ReadonlyArray<readonly [string, string, RoleName, string | null, number]> = [
  ['chensiyuan', '陈思远', 'admin', '私域运营中心', 0],
  ['zhouzihang', '周子航', 'admin', '数据组', 0],
  ['sunlijuan', '孙丽娟', 'operator_lead', '1:1 私聊组A', 0],
  ['liuxiaoyan', '刘晓燕', 'operator_lead', '1:1 私聊组B', 0],
  ['hejiayi', '何佳怡', 'operator_lead', '社群组', 0],
  ['luojunjie', '罗俊杰', 'operator_lead', '加粉组', 0],
  ['zhaomin', '赵敏', 'staff', '1:1 私聊组A', 12],
  ['wangfang', '王芳', 'staff', '1:1 私聊组A', 11],
  ['zhangtingting', '张婷婷', 'staff', '1:1 私聊组A', 9],
  ['huangyaqin', '黄雅琴', 'staff', '1:1 私聊组A', 7],
  ['wuqian', '吴倩', 'staff', '1:1 私聊组B', 11],
  ['yangxinyi', '杨欣怡', 'staff', '1:1 私聊组B', 10],
  ['xudandan', '徐丹丹', 'staff', '1:1 私聊组B', 8],
  ['mahuimin', '马慧敏', 'staff', '1:1 私聊组B', 6],
  ['huxiaomei', '胡晓梅', 'staff', '社群组', 4],
  ['gaoxue', '高雪', 'staff', '社群组', 3],
  ['tangmengyao', '唐梦瑶', 'staff', '加粉组', 5],
  ['liangjing', '梁静', 'staff', '加粉组', 4],
  ['xieyuxuan', '谢雨萱', 'staff', '内容组', 0],
  ['songbowen', '宋博文', 'staff', '数据组', 0],
];

export const DEMO_OWNER = { username: 'admin', name: '林婉清' } as const;

const staffPhone = (rng: Rng) => `1${rng.pick(['38', '39', '58', '86', '88', '36'])}${String(rng.int(1e8)).padStart(8, '0')}`;

/** Creates the owner first (departments need an actor), then the department tree, then the team. */
export async function seedOrg(deps: Deps, tenantId: string, password: string, rng: Rng): Promise<{ owner: Actor; staff: DemoStaff[] }> {
  const ownerId = await createStaff(deps, null, tenantId, {
    username: DEMO_OWNER.username, name: DEMO_OWNER.name, role: 'owner', password, phone: staffPhone(rng),
  });
  const owner: Actor = { tenantId, staffId: ownerId, role: 'owner', departmentId: null, name: DEMO_OWNER.name };
  const deptIds = new Map<string, string>();
  let order = 0;
  for (const [name, parent] of DEPARTMENTS) {
    const d = await createDepartment(deps, owner, { name, parentId: parent ? deptIds.get(parent)! : null, sortOrder: order++ });
    deptIds.set(name, d.id);
  }
  const staff: DemoStaff[] = [{ id: ownerId, username: DEMO_OWNER.username, name: DEMO_OWNER.name, role: 'owner', department: null, ownerWeight: 0, community: false }];
  // Sequential on purpose: the console lists staff by creation time, in this order.
  for (const [username, name, role, department, ownerWeight] of TEAM) {
    const id = await createStaff(deps, owner, tenantId, {
      username, name, role, password, departmentId: department ? deptIds.get(department)! : null, phone: staffPhone(rng),
    });
    staff.push({ id, username, name, role, department, ownerWeight, community: department === '社群组' && role === 'staff' });
  }
  return { owner, staff };
}
