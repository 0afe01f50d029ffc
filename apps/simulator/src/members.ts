// Directory checks shared by the API handlers.
import type { CorpState, Member } from './state.ts';
import { WecomError } from './errors.ts';

/** An active member (resigned members leave the directory: 60111, as WeCom answers). */
export function activeMember(corp: CorpState, userid: string | undefined): Member {
  const m = userid ? corp.members[userid] : undefined;
  if (!m || m.status !== 1) throw new WecomError(60111, `userid not found: ${userid ?? ''}`);
  return m;
}

/** An active member allowed to have customers (客户联系 enabled), else 84074. */
export function contactMember(corp: CorpState, userid: string | undefined): Member {
  const m = activeMember(corp, userid);
  if (!m.customer_contact) throw new WecomError(84074, `no external contact permission: ${m.userid}`);
  return m;
}

/** Members of the department and, with children, of its sub-departments. */
export function departmentTree(corp: CorpState, root: number): Set<number> {
  const ids = new Set<number>([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of Object.values(corp.departments)) {
      if (!ids.has(d.id) && ids.has(d.parentid) && d.id !== d.parentid) {
        ids.add(d.id);
        grew = true;
      }
    }
  }
  return ids;
}
