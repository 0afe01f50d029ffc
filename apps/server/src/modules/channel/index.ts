// channel: the tenant's WeCom corp — connection, callback intake and processing, sync runs, the
// WeCom side of customers (relations with state and add way) and customer groups. Cross-module
// work (resolving customers, tags, staff) happens in flows/wecom-*.ts through store.service.ts.
import type { Migration } from 'kysely';
import * as m1 from './migrations/20261123_channel.ts';
import * as m2 from './migrations/20261204_contact_ways.ts';

export { channelRoutes } from './channel.routes.ts';
export { callbackRoutes } from './callbacks.routes.ts';
export { createIntake, coalesce, type Intake, MAX_CLOCK_SKEW_S } from './intake.ts';
export { processPendingCallbacks, tenantsWithPendingCallbacks, MAX_ATTEMPTS, type CallbackHandler, type CallbackOutcome } from './processor.ts';
export { tenantWecom, clientFor, callbackPath, describeWecomError, forgetTenant, saveConnection, testConnection, hasWecomConnection, connectedTenants, DEFAULT_WECOM_BASE_URL } from './connection.service.ts';
export { requestSync, loadRun, markRunStarted, saveRunState, finishRun, noteRunRetry, syncRunsExist, SYNC_PHASES, SYNC_TASK, type RunState, type PhaseProgress } from './sync.service.ts';
export * as channelStore from './store.service.ts';
export { addWayLabel } from './labels.ts';
export { syncContactWays, lookUpStates, stateNames, sourceChannels, mirrorOwnWay } from './contact-ways.service.ts';
export { pruneCallbacks } from './retention.service.ts';
export { activeFriendships, type Friendship } from './friends.service.ts';
export type { ChannelTables } from './channel.tables.ts';

export const channelMigrations: Record<string, Migration> = { '20261123_040_channel': m1, '20261204_041_contact_way_names': m2 };
