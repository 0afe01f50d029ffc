// The core's only door: errors, ids, clock, personal data, events, consumers, audit, jobs.
import type { Migration } from 'kysely';
import * as core from './migrations/20261101_core.ts';
import * as rateLimits from './migrations/20261124_rate_limits.ts';
import * as outboxTxOrder from './migrations/20261204_outbox_tx_order.ts';
import * as workerHeartbeats from './migrations/20261204_worker_heartbeats.ts';
import * as outboxRetention from './migrations/20261204_outbox_retention.ts';

export * from './errors.ts';
export * from './ids.ts';
export * from './clock.ts';
export * from './pii.ts';
export * from './events.ts';
export * from './consumers.ts';
export * from './audit.ts';
export * from './jobs.ts';
export { LIVENESS_DEFAULTS, type LivenessOptions } from './job-liveness.ts';
export * from './logger.ts';
export * from './rate-limits.ts';
export * from './retention.ts';
export * from './outbox-prune.ts';
export type { CoreTables } from './core.tables.ts';

export const coreMigrations: Record<string, Migration> = {
  '20261101_000_core': core,
  '20261124_000_rate_limits': rateLimits,
  '20261204_001_worker_heartbeats': workerHeartbeats,
  '20261204_002_outbox_retention': outboxRetention,
  '20261204_003_outbox_tx_order': outboxTxOrder,
};
