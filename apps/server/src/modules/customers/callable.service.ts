// What call lists (acquisition) ask of customers: who they are and the number to call (sealed).
import type { Deps } from '../../deps.ts';
import { customersDb } from './customers.tables.ts';
import * as repo from './callable.repo.ts';

export type { Callable } from './callable.repo.ts';
export const callableCustomers = (deps: Deps, tenantId: string, ids: string[]) => repo.callableCustomers(customersDb(deps.db), tenantId, ids);
