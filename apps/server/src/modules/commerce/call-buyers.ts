// What call lists (acquisition) ask of the orders: the buyers of some shops in a date range, each
// with their latest matching order. Read-only; the phone comes sealed, as stored.
import type { Deps } from '../../deps.ts';
import { commerceDb } from './commerce.tables.ts';
import * as repo from './call-buyers.repo.ts';

export type { CallBuyer, CallBuyerFilter } from './call-buyers.repo.ts';

export const callBuyers = (deps: Deps, tenantId: string, f: repo.CallBuyerFilter) => repo.callBuyers(commerceDb(deps.db), tenantId, f);
export const shopNamesOf = (deps: Deps, tenantId: string) => repo.shopNamesOf(commerceDb(deps.db), tenantId);
