// The audit log: who saw or changed personal data, and privileged actions. Append-only.
import { viewOf, type Db, type Tx } from '../db/connect.ts';
import type { CoreTables } from './core.tables.ts';
import { newId } from './ids.ts';

export type AuditEntry = {
  tenantId: string;
  actorId: string | null;
  action: string; // 'customer.phone.reveal', 'staff.create', …
  targetType: string;
  targetId?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
};

export async function audit(db: Db | Tx, e: AuditEntry): Promise<void> {
  await viewOf<CoreTables>(db).insertInto('audit_log').values({
    tenant_id: e.tenantId, id: newId(), actor_id: e.actorId, action: e.action, target_type: e.targetType,
    target_id: e.targetId ?? null, detail: JSON.stringify(e.detail ?? {}), ip: e.ip ?? null,
  }).execute();
}
