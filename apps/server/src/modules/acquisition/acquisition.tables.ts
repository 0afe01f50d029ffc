// The acquisition module's tables: each part (live codes, touches and attribution, call lists…)
// declares its own in `<part>.tables.ts`; this file joins them into the module's one view.
import { viewOf, type Db, type Tx } from '../../db/connect.ts';
import type { Kysely } from 'kysely';
import type { LiveCodesTables } from './live-codes.tables.ts';
import type { TouchesTables } from './touches.tables.ts';
import type { CallListsTables } from './call-lists.tables.ts';

export type AcquisitionTables = LiveCodesTables & TouchesTables & CallListsTables;

/** What this module's repos query: its own tables and nothing else. */
export type AcquisitionDb = Kysely<AcquisitionTables>;
/** This module's view of the process's handle or of a flow's transaction. */
export const acquisitionDb = (db: Db | Tx): AcquisitionDb => viewOf<AcquisitionTables>(db);
