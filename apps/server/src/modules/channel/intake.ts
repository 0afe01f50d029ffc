// Callback intake: check the signature, decrypt, and make the event durable before WeCom gets its
// answer — in batches. Each request waits for the commit of the batch that holds it; one
// multi-row insert per batch is what lets a small machine take thousands of callbacks a second
// (a commit per callback would be bound by the disk's flush rate).
//
// One bad entry fails alone. A plaintext PostgreSQL cannot store (a NUL byte: no text column
// holds one, and no XML may contain one) is stored as 'failed' with a reason, its NULs shown as
// U+2400 "␀", and answered `success` — a retry would carry the same bytes, so WeCom asking again
// changes nothing. A batch the database refuses for the data in it (SQLSTATE classes 22, 23, 54)
// is split in halves until the entry at fault is alone; that entry is then stored as 'failed',
// and only if even that is refused does its request get an error. A batch refused for any other
// reason (connection lost, server shutting down) is answered with an error — all of it that was
// not stored yet — and WeCom retries each.
import crypto from 'node:crypto';
import { CallbackCryptoError, decryptMessage, encryptedFieldOf, verifyUrl, type SignedParams } from '@siyu/wecom';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../core/index.ts';
import { tenantWecom } from './connection.service.ts';
import { insertCallbacks, type InboxRow } from './callbacks.repo.ts';

// WeCom retries within about 20 s; a timestamp further away than this is a replay, not a retry.
export const MAX_CLOCK_SKEW_S = 600;
const MAX_BATCH = 500;

export type IntakeResult = 'stored' | 'duplicate';

type Waiter = { row: InboxRow; resolve: (r: IntakeResult) => void; reject: (e: unknown) => void };

const keyOf = (row: InboxRow) => `${row.tenantId}\u0000${row.dedupeKey}`;

/** PostgreSQL refused a row for its contents (data exception, constraint, size limit), not the connection. */
function isRowError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && /^(22|23|54)[0-9A-Z]{3}$/.test(code);
}

/** The row kept as a record of what arrived: 'failed' with the reason, NULs made visible. */
export function asFailed(row: InboxRow, reason: string): InboxRow {
  const clean = (s: string) => s.replaceAll('\u0000', '\u2400');
  return { ...row, payload: clean(row.payload), event: clean(row.event), changeType: row.changeType === null ? null : clean(row.changeType), status: 'failed', error: reason };
}

export function createIntake(deps: Deps, onStored: (tenantIds: Set<string>) => void) {
  let queue: Waiter[] = [];
  let flushing = false;

  type Outcome = { stored: Map<string, InboxRow>; refused: Map<string, unknown> };

  // Inserts rows in arrival order; a batch refused for its data is halved until the culprit is alone.
  async function storeRows(rows: InboxRow[], out: Outcome, fallback = 0): Promise<void> {
    try {
      const byKey = new Map(rows.map((r) => [keyOf(r), r]));
      for (const k of await insertCallbacks(deps.db, rows)) out.stored.set(k, byKey.get(k)!);
    } catch (err) {
      if (!isRowError(err)) throw err;
      if (rows.length > 1) {
        const mid = rows.length >> 1;
        await storeRows(rows.slice(0, mid), out);
        await storeRows(rows.slice(mid), out);
        return;
      }
      const row = rows[0];
      if (fallback >= 2) {
        out.refused.set(keyOf(row), err);
        return;
      }
      deps.log.warn({ tenantId: row.tenantId, code: (err as { code?: string }).code, reason: (err as Error).message }, 'WeCom callback the database refused; stored as failed');
      const reason = `无法保存此回调：${(err as Error).message}`;
      // First the whole text made storable; failing that, the record without its text.
      await storeRows([fallback === 0 ? asFailed(row, reason) : { ...asFailed(row, reason), payload: '' }], out, fallback + 1);
    }
  }

  async function flush() {
    if (flushing || queue.length === 0) return;
    flushing = true;
    const batch = queue.splice(0, MAX_BATCH);
    const out: Outcome = { stored: new Map(), refused: new Map() };
    try {
      // The same plaintext twice in one batch: insert it once, answer both.
      const unique = new Map<string, InboxRow>();
      for (const w of batch) if (!unique.has(keyOf(w.row))) unique.set(keyOf(w.row), w.row);
      await storeRows([...unique.values()], out);
      const tenants = new Set<string>();
      for (const w of batch) {
        const k = keyOf(w.row);
        const refused = out.refused.get(k);
        if (refused !== undefined) {
          w.reject(refused);
          continue;
        }
        const row = out.stored.get(k);
        out.stored.delete(k); // the first of equal waiters counts as the store
        if (row && (row.status ?? 'pending') === 'pending') tenants.add(w.row.tenantId);
        w.resolve(row ? 'stored' : 'duplicate');
      }
      if (tenants.size) onStored(tenants);
    } catch (err) {
      // The database itself failed (not one entry): what was not stored yet gets an error, and
      // WeCom retries it. (Halves stored before the failure are answered; a retry of one is a duplicate.)
      const tenants = new Set<string>();
      for (const w of batch) {
        const row = out.stored.get(keyOf(w.row));
        if (!row) {
          w.reject(err);
          continue;
        }
        if ((row.status ?? 'pending') === 'pending') tenants.add(w.row.tenantId);
        w.resolve('stored');
      }
      if (tenants.size) onStored(tenants);
    } finally {
      flushing = false;
      if (queue.length) setImmediate(flush);
    }
  }

  function store(row: InboxRow): Promise<IntakeResult> {
    return new Promise((resolve, reject) => {
      queue.push({ row, resolve, reject });
      // Requests that arrive while a batch commits wait for the next one: batches grow with load.
      if (!flushing) setImmediate(flush);
    });
  }

  return { store, pending: () => queue.length, drain: async () => { while (queue.length || flushing) await new Promise((r) => setTimeout(r, 5)); } };
}

export type Intake = ReturnType<typeof createIntake>;

function rejectUnsigned(): never {
  throw new AppError('FORBIDDEN', '回调签名无效');
}

async function cryptoOf(deps: Deps, tenantId: string) {
  const t = await tenantWecom(deps, tenantId);
  if (!t?.crypto) throw new AppError('NOT_FOUND', '该企业尚未配置回调');
  return t.crypto;
}

function checkFresh(deps: Deps, timestamp: string) {
  const ts = Number(timestamp);
  if (!Number.isFinite(ts) || Math.abs(deps.clock.now().getTime() / 1000 - ts) > MAX_CLOCK_SKEW_S) rejectUnsigned();
}

/** GET: URL verification. Answers the decrypted echostr exactly. */
export async function verifyCallbackUrl(deps: Deps, tenantId: string, p: SignedParams & { echostr: string }): Promise<string> {
  const cfg = await cryptoOf(deps, tenantId);
  try {
    return verifyUrl(cfg, p);
  } catch (err) {
    if (err instanceof CallbackCryptoError) rejectUnsigned();
    throw err;
  }
}

/** POST: one event. Resolves once it is durable (or known to be a duplicate). */
export async function receiveCallback(deps: Deps, intake: Intake, tenantId: string, p: SignedParams, body: string): Promise<IntakeResult> {
  const cfg = await cryptoOf(deps, tenantId);
  const encrypted = encryptedFieldOf(body);
  if (!encrypted) throw new AppError('VALIDATION_FAILED', '回调内容缺少 Encrypt 字段');
  checkFresh(deps, p.timestamp);
  let plain: string;
  try {
    plain = decryptMessage(cfg, p, encrypted);
  } catch (err) {
    if (err instanceof CallbackCryptoError) rejectUnsigned();
    throw err;
  }
  return intake.store(inboxRow(deps, tenantId, plain));
}

/** The inbox row for a decrypted plaintext; one no text column can hold is recorded as failed. */
export function inboxRow(deps: Deps, tenantId: string, plain: string): InboxRow {
  const row: InboxRow = {
    tenantId, payload: plain, receivedAt: deps.clock.now(),
    dedupeKey: crypto.createHash('sha256').update(plain).digest('base64url'), // of the bytes as sent: a retry is still a duplicate
    event: xmlField(plain, 'Event') ?? xmlField(plain, 'MsgType') ?? 'unknown',
    changeType: xmlField(plain, 'ChangeType'),
  };
  if (!plain.includes('\u0000')) return row;
  deps.log.warn({ tenantId }, 'WeCom callback with a NUL byte: stored as failed');
  return asFailed(row, '回调内容含 NUL 字符（不是合法的 XML），无法处理；已将 NUL 显示为 ␀ 保存');
}

// Two header fields for the inbox's columns; the processor parses the whole message properly.
function xmlField(xml: string, name: string): string | null {
  const m = new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`).exec(xml);
  return m ? (m[1] ?? m[2] ?? '').trim() : null;
}

/**
 * Wraps "queue the processing job" so that a busy tenant costs at most one job request in flight
 * (and one more after it) instead of one per intake batch: at thousands of callbacks a second the
 * requests would otherwise compete with the intake for the database. No request is lost: one
 * asked for while another runs is made right after it.
 */
export function coalesce(kick: (tenantId: string) => Promise<void>, onError: (err: unknown, tenantId: string) => void): (tenantId: string) => void {
  const state = new Map<string, 'running' | 'again'>();
  const run = (tenantId: string) => {
    kick(tenantId).catch((err) => onError(err, tenantId)).finally(() => {
      if (state.get(tenantId) === 'again') {
        state.set(tenantId, 'running');
        run(tenantId);
      } else state.delete(tenantId);
    });
  };
  return (tenantId) => {
    if (state.has(tenantId)) {
      state.set(tenantId, 'again');
      return;
    }
    state.set(tenantId, 'running');
    run(tenantId);
  };
}
