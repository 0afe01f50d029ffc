import type { Me, Role } from '@siyu/contracts';
import { useCallback } from 'react';
import { useMe } from './auth.api.ts';

// What each role may do, so the console shows each person only the actions they can perform.
// This mirrors the server's checks (requireRole / isAdmin / outranks in
// apps/server/src/modules/tenancy/actor.ts and the module services) and is a courtesy only:
// the server remains the authority and answers 403 whatever the console shows.
// When a server rule changes, change the line here too.

export { useMe };

/** owner > admin > operator_lead > staff, as on the server. */
const RANK: Record<Role, number> = { staff: 0, operator_lead: 1, admin: 2, owner: 3 };

/** Each guarded action and the lowest role the server accepts for it. */
export const ACTION_MIN_ROLE = {
  /** POST /api/customers/:id/reveal-phone */
  'customer.revealPhone': 'admin',
  /** POST /api/customers with an ownerStaffId other than one's own */
  'customer.assignOwner': 'admin',
  /** Create / rename / delete tag groups and tags. Tagging a visible customer is open to all. */
  'tag.manage': 'operator_lead',
  /** Create / rename / delete departments. Reading the tree is open to all. */
  'department.manage': 'admin',
  /** Create / edit / disable staff accounts. Reading the list is open to all. */
  'staff.manage': 'admin',
  /** WeCom connection settings, sync, callback log. */
  'wecom.manage': 'admin',
  /** One's own API tokens. */
  'token.manageOwn': 'staff',
  /** The brand-level commerce views: order list, products, imports, 好友匹配率. Staff see orders on their customers' pages. */
  'commerce.view': 'operator_lead',
  /** Create / edit shops, their API credentials and sync; "立即同步". Reading shops is open to all. */
  'shop.manage': 'admin',
  /** Upload back-office order exports (POST /api/imports). */
  'order.import': 'operator_lead',
  /** Edit the product catalogue: name, product line, category, product tags. */
  'product.edit': 'operator_lead',
  /** Bind an order to a visible customer with their consent, or send them an H5 binding link. */
  'order.bind': 'staff',
  /** Undo the merge a binding made (POST /api/merges/:id/undo; flows/merge-customers.flow.ts: isAdmin). */
  'customer.undoMerge': 'admin',
  /** Call lists: see every list of one's scope, make and close lists, export outcomes (acquisition/call-lists.service.ts). */
  'callList.view': 'operator_lead',
  /** Create / edit / pause channel live codes (acquisition/live-codes.service.ts: requireRole operator_lead; a lead only with their own staff). */
  'liveCode.manage': 'operator_lead',
} as const satisfies Record<string, Role>;

export type Action = keyof typeof ACTION_MIN_ROLE;

/** `role` is at least `min`. */
export const atLeast = (role: Role, min: Role): boolean => RANK[role] >= RANK[min];

/** Whether someone with `role` may perform `action`; nobody (no session) may do anything. */
export function can(role: Role | null | undefined, action: Action): boolean {
  return !!role && atLeast(role, ACTION_MIN_ROLE[action]);
}

/**
 * The server lets an actor create or edit only accounts whose role does not outrank their own
 * (an admin cannot touch an owner, nor make one).
 */
export function canManageRole(me: Pick<Me, 'role'> | null | undefined, target: Role): boolean {
  return !!me && can(me.role, 'staff.manage') && atLeast(me.role, target);
}

/**
 * `const can = useCan(); can('tag.manage') && <Button …/>`. Answers false while the session is
 * unknown; pages render inside AppLayout, which waits for it.
 */
export function useCan(): (action: Action) => boolean {
  const role = useMe().data?.role;
  return useCallback((action: Action) => can(role, action), [role]);
}
