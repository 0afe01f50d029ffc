// acquisition: how customers arrive and what each channel brought — channel live codes (渠道活码),
// package-card batches, group codes, call lists for COD buyers, friend ↔ order matching, the touch
// log and order attribution. Each part adds its exports and migrations here.
import type { Migration } from 'kysely';
import * as liveCodesMigration from './migrations/20261204_live_codes.ts';
import * as callListsMigration from './migrations/20261204_call_lists.ts';
import * as touchesMigration from './migrations/20261204_touches.ts';

export type { AcquisitionTables } from './acquisition.tables.ts';
// Call lists for COD buyers (电话回访).
export { callListsRoutes } from './call-lists.routes.ts';
export { callListsConsumer } from './call-lists.consumer.ts';
// Channel live codes (渠道活码).
export { liveCodeRoutes } from './live-codes.routes.ts';
export { recordCodeAdd, type CodeAdd } from './live-codes.service.ts';
export { sendWelcome as sendLiveCodeWelcome, kickRotation, reconcileCode, reconcileAllCodes, ROTATE_TASK, ROTATE_ALL_TASK, type WelcomeOutcome } from './live-codes.wecom.ts';
// Touches and order attribution.
export { touchesConsumer } from './touches.consumer.ts';
export { attributionRoutes } from './attribution.routes.ts';
export { catchUpOrders, catchUpAllOrders, reattributeAll, ATTRIBUTE_ORDERS_TASK, REATTRIBUTE_TASK } from './attribution.service.ts';

export const acquisitionMigrations: Record<string, Migration> = {
  '20261204_060_acquisition_live_codes': liveCodesMigration,
  '20261204_061_acquisition_touches': touchesMigration,
  '20261204_062_acquisition_call_lists': callListsMigration,
};
