import type { Role } from '@siyu/contracts';

export const ROLES: Role[] = ['owner', 'admin', 'operator_lead', 'staff'];

export const ROLE_COLOR: Record<Role, string> = { owner: 'gold', admin: 'red', operator_lead: 'blue', staff: 'default' };
