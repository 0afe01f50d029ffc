// Departments and staff from WeCom's org (sync): WeCom is the source of the tree and of who works
// here; Siyu adds roles and logins. A member new to Siyu becomes a 'staff' account with an
// unusable password until an admin sets one (most members only use the sidebar inside WeCom).
import crypto from 'node:crypto';
import type { Deps } from '../../deps.ts';
import { newId } from '../../core/index.ts';
import * as repo from './tenancy.repo.ts';
import * as org from './wecom-org.repo.ts';
import { hashPassword } from './password.ts';

export type WecomDepartment = { id: number; name: string; parentid: number; order?: number };
export type WecomMember = { userid: string; name: string; department: number[]; main_department?: number; status?: number };
export type OrgSyncResult = { departmentsNew: number; departmentsUpdated: number; staffNew: number; staffUpdated: number };

/** Ties existing departments and staff to WeCom's ids (the demo, or an admin matching by hand). */
export async function linkWecomOrg(deps: Deps, tenantId: string, links: { departments: Array<{ id: string; wecomDeptId: number }>; staff: Array<{ id: string; userid: string }> }) {
  for (const d of links.departments) await org.setDepartmentWecomId(deps.db, tenantId, d.id, d.wecomDeptId);
  for (const s of links.staff) await org.setStaffWecomUserid(deps.db, tenantId, s.id, s.userid);
}

/** userid → staff id and name, for labelling relations and owners. */
export async function staffByWecomUserid(deps: Deps, tenantId: string): Promise<Map<string, { id: string; name: string }>> {
  return new Map((await org.staffWithWecom(deps.db, tenantId)).map((s) => [s.wecom_userid!, { id: s.id, name: s.name }]));
}

export async function syncWecomDepartments(deps: Deps, tenantId: string, depts: WecomDepartment[]): Promise<Pick<OrgSyncResult, 'departmentsNew' | 'departmentsUpdated'>> {
  const known = new Map((await org.departmentsByWecomId(deps.db, tenantId)).map((d) => [Number(d.wecom_dept_id), d]));
  const byId = new Map(depts.map((d) => [d.id, d]));
  // WeCom's root department is the corp itself: its children are Siyu's top-level departments.
  const roots = new Set(depts.filter((d) => !byId.has(d.parentid)).map((d) => d.id));
  let created = 0;
  let updated = 0;
  // Parents before children: depth from the root decides the order.
  const depth = (d: WecomDepartment, seen = 0): number => (byId.has(d.parentid) && seen < 50 ? 1 + depth(byId.get(d.parentid)!, seen + 1) : 0);
  for (const d of [...depts].sort((a, b) => depth(a) - depth(b))) {
    if (roots.has(d.id)) continue;
    const have = known.get(d.id);
    if (have) {
      if (have.name !== d.name) { await org.setDepartmentName(deps.db, tenantId, have.id, d.name); updated++; }
      continue;
    }
    const parent = known.get(d.parentid);
    const id = newId();
    const path = `${parent?.path ?? '/'}${id}/`;
    await repo.insertDepartment(deps.db, { tenant_id: tenantId, id, parent_id: parent?.id ?? null, name: d.name, sort_order: d.order ?? 0, path, wecom_dept_id: d.id });
    known.set(d.id, { id, wecom_dept_id: d.id, name: d.name, parent_id: parent?.id ?? null, path });
    created++;
  }
  return { departmentsNew: created, departmentsUpdated: updated };
}

export async function syncWecomMembers(deps: Deps, tenantId: string, members: WecomMember[]): Promise<Pick<OrgSyncResult, 'staffNew' | 'staffUpdated'>> {
  const depts = new Map((await org.departmentsByWecomId(deps.db, tenantId)).map((d) => [Number(d.wecom_dept_id), d.id]));
  const staff = new Map((await org.staffWithWecom(deps.db, tenantId)).map((s) => [s.wecom_userid!, s]));
  let created = 0;
  let updated = 0;
  for (const m of members) {
    const deptId = depts.get(m.main_department ?? m.department[0] ?? -1) ?? null;
    const active = m.status === undefined || m.status === 1 || m.status === 4; // 1 active, 4 not yet activated; 2 disabled, 5 left
    const have = staff.get(m.userid);
    if (have) {
      if (have.name !== m.name || have.department_id !== deptId || have.active !== active) {
        await org.setStaffFromWecom(deps.db, tenantId, have.id, { name: m.name, department_id: deptId, active });
        updated++;
      }
      continue;
    }
    await repo.insertStaff(deps.db, {
      tenant_id: tenantId, id: newId(), username: await freeUsername(deps, tenantId, m.userid), name: m.name, role: 'staff',
      department_id: deptId, password_hash: await hashPassword(crypto.randomBytes(24).toString('base64url')),
      phone_enc: null, phone_masked: null, wecom_userid: m.userid, active,
    });
    created++;
  }
  return { staffNew: created, staffUpdated: updated };
}

async function freeUsername(deps: Deps, tenantId: string, userid: string): Promise<string> {
  const base = userid.toLowerCase().replace(/[^a-z0-9._-]/g, '').slice(0, 28) || 'member';
  const taken = await org.usernamesLike(deps.db, tenantId, base);
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}
