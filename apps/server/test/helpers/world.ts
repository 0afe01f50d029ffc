// A small, known world built through the real services: two tenants, a department tree, staff
// of every role, customers owned by different staff, tags.
import type { Deps } from '../../src/deps.ts';
import { createTenant, createStaff, createDepartment, type Actor } from '../../src/modules/tenancy/index.ts';
import { createCustomer } from '../../src/modules/customers/index.ts';
import { createGroup, createTag } from '../../src/modules/tagging/index.ts';

export const PASSWORD = 'test-pass-123';

async function staff(deps: Deps, tenantId: string, username: string, role: Actor['role'], departmentId: string | null, name = username): Promise<Actor> {
  const staffId = await createStaff(deps, null, tenantId, { username, name, role, password: PASSWORD, departmentId });
  return { tenantId, staffId, role, departmentId, name };
}

export async function buildWorld(deps: Deps) {
  const a = await createTenant(deps, { slug: 'alpha', name: '阿尔法滋补' });
  const owner = await staff(deps, a.tenantId, 'boss', 'owner', null, '老板');
  const root = await createDepartment(deps, owner, { name: '运营中心' });
  const team1 = await createDepartment(deps, owner, { name: '私聊一组', parentId: root.id });
  const team1a = await createDepartment(deps, owner, { name: '一组A', parentId: team1.id });
  const team2 = await createDepartment(deps, owner, { name: '私聊二组', parentId: root.id });
  const admin = await staff(deps, a.tenantId, 'admin', 'admin', root.id, '管理员');
  const lead1 = await staff(deps, a.tenantId, 'lead1', 'operator_lead', team1.id, '一组主管');
  const s1 = await staff(deps, a.tenantId, 's1', 'staff', team1.id, '员工一');
  const s2 = await staff(deps, a.tenantId, 's2', 'staff', team1a.id, '员工二');
  const s3 = await staff(deps, a.tenantId, 's3', 'staff', team2.id, '员工三');
  const mk = (name: string, owner_: Actor, phone?: string) =>
    createCustomer(deps, owner, { name, gender: 'female', phone, ownerStaffId: owner_.staffId, province: '广东', city: '广州' });
  const c1 = await mk('王小芳', s1, '13812345678');
  const c2 = await mk('李娜', s2, '13900001111');
  const c3 = await mk('张伟', s3);
  const c4 = await mk('欧阳娜娜', lead1, '13700002222');
  const group = await createGroup(deps, owner, { name: '产品偏好' });
  const tagAjiao = await createTag(deps, owner, { groupId: group.id, name: '阿胶', color: 'red' });
  const tagYanwo = await createTag(deps, owner, { groupId: group.id, name: '燕窝', color: 'gold' });

  const b = await createTenant(deps, { slug: 'beta', name: '贝塔燕窝' });
  const bOwner = await staff(deps, b.tenantId, 'boss', 'owner', null, '贝塔老板');
  const b1 = await createCustomer(deps, bOwner, { name: '赵敏', gender: 'female', phone: '13611112222' });
  const bGroup = await createGroup(deps, bOwner, { name: '体质' });
  const bTag = await createTag(deps, bOwner, { groupId: bGroup.id, name: '气虚' });

  return {
    alpha: { tenantId: a.tenantId, owner, admin, lead1, s1, s2, s3, dept: { root, team1, team1a, team2 }, customers: { c1, c2, c3, c4 }, tags: { tagAjiao, tagYanwo }, group },
    beta: { tenantId: b.tenantId, owner: bOwner, customers: { b1 }, tags: { bTag }, group: bGroup },
  };
}
