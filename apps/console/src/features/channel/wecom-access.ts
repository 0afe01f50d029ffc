import { can, useMe } from '../tenancy/permissions.ts';

// The server lets only admins (and the owner) change the corp connection or start a sync; everyone
// else reads the page. Like permissions.ts this is a courtesy: the server answers 403 regardless.
export function useCanManageWecom(): boolean {
  return can(useMe().data?.role, 'wecom.manage');
}
