// The directory endpoints Siyu syncs staff from: departments and members (read-only here; the
// scenario API writes them, as an admin would in the console).
import type { ApiCtx, ApiRoute } from './api-types.ts';
import type { Member } from './state.ts';
import { WecomError } from './errors.ts';
import { optInt, reqInt } from './params.ts';
import { activeMember, departmentTree } from './members.ts';

function departments(ctx: ApiCtx) {
  const id = optInt(ctx.p, 'id');
  let list = Object.values(ctx.corp.departments);
  if (id !== undefined) {
    if (!ctx.corp.departments[id]) throw new WecomError(60123, `invalid department id ${id}`);
    const tree = departmentTree(ctx.corp, id);
    list = list.filter((d) => tree.has(d.id));
  }
  return list.sort((a, b) => a.id - b.id);
}

function userView(m: Member) {
  return {
    userid: m.userid, name: m.name, department: m.department, position: m.position, mobile: m.mobile,
    gender: m.gender, status: m.status, main_department: m.department[0] ?? 1,
  };
}

function usersOf(ctx: ApiCtx): Member[] {
  const dept = reqInt(ctx.p, 'department_id');
  if (!ctx.corp.departments[dept]) throw new WecomError(60123, `invalid department id ${dept}`);
  const scope = optInt(ctx.p, 'fetch_child') === 1 ? departmentTree(ctx.corp, dept) : new Set([dept]);
  return Object.values(ctx.corp.members).filter((m) => m.status === 1 && m.department.some((d) => scope.has(d)));
}

export const orgApis: ApiRoute[] = [
  {
    path: '/cgi-bin/department/list', method: 'GET', reads: true,
    handler: (ctx) => ({ department: departments(ctx).map((d) => ({ id: d.id, name: d.name, parentid: d.parentid, order: d.order })) }),
  },
  {
    path: '/cgi-bin/department/simplelist', method: 'GET', reads: true,
    handler: (ctx) => ({ department_id: departments(ctx).map((d) => ({ id: d.id, parentid: d.parentid, order: d.order })) }),
  },
  { path: '/cgi-bin/user/list', method: 'GET', reads: true, handler: (ctx) => ({ userlist: usersOf(ctx).map(userView) }) },
  {
    path: '/cgi-bin/user/simplelist', method: 'GET', reads: true,
    handler: (ctx) => ({ userlist: usersOf(ctx).map((m) => ({ userid: m.userid, name: m.name, department: m.department })) }),
  },
  {
    path: '/cgi-bin/user/get', method: 'GET', reads: true,
    handler: (ctx) => userView(activeMember(ctx.corp, typeof ctx.p.userid === 'string' ? ctx.p.userid : undefined)),
  },
];
