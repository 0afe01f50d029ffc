// Bulk assignment for seeders and benchmarks (not the request path): no events and no search
// tokens here — the caller writes the `tag.assigned` events and the customers' grams itself.
import type { Deps } from '../../deps.ts';
import * as bulk from './tagging-bulk.repo.ts';
import type { TagColumns } from './tagging-bulk.repo.ts';

/** Manual assignments with one reason; joins the caller's transaction when `deps.db` is one. */
export const bulkAssignTags = (deps: Deps, tenantId: string, cols: TagColumns, reason: string) =>
  bulk.insertTagColumns(deps.db, tenantId, cols, reason);

/** After a bulk load: refresh the planner's statistics of the assignments. */
export const vacuumTagAssignments = (deps: Deps) => bulk.vacuumAssignments(deps.db);
