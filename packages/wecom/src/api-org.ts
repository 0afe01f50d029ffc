// Organisation reads: departments and members (real WeCom paths; not covered by the spec).
import type { WecomCore } from './client-core.ts';
import type { DepartmentList, User, UserList } from './types-org.ts';

export function orgApi(core: WecomCore) {
  return {
    /** GET /cgi-bin/department/list — the department and its descendants (all visible ones without id). */
    listDepartments: (id?: number) => core.call<DepartmentList>('GET', '/cgi-bin/department/list', { query: { id } }),
    /** GET /cgi-bin/user/list — members of a department, with details. */
    listUsers: (departmentId: number, fetchChild = false) =>
      core.call<UserList>('GET', '/cgi-bin/user/list', { query: { department_id: departmentId, fetch_child: fetchChild ? 1 : 0 } }),
    /** GET /cgi-bin/user/get — one member. */
    getUser: (userid: string) => core.call<User>('GET', '/cgi-bin/user/get', { query: { userid } }),
  };
}
