// Callback intake: check the signature, decrypt, and make the event durable before WeCom gets its
// answer — in batches. Each request waits for the commit of the batch that holds it; one
// multi-row insert per batch is what lets a small machine take thousands of callbacks a second
// (a commit per callback would be bound by the disk's flush rate).
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

export function createIntake(deps: Deps, onStored: (tenantIds: Set<string>) => void) {
  let queue: Waiter[] = [];
  let flushing = false;

  async function flush() {
    if (flushing || queue.length === 0) return;
    flushing = true;
    const batch = queue.splice(0, MAX_BATCH);
    try {
      // The same plaintext twice in one batch: insert it once, answer both.
      const unique = new Map<string, InboxRow>();
      for (const w of batch) unique.set(`${w.row.tenantId}\u0000${w.row.dedupeKey}`, w.row);
      const stored = await insertCallbacks(deps.db, [...unique.values()]);
      const tenants = new Set<string>();
      for (const w of batch) {
        const isNew = stored.delete(`${w.row.tenantId}\u0000${w.row.dedupeKey}`); // the first of equal waiters counts as the store
        if (isNew) tenants.add(w.row.tenantId);
        w.resolve(isNew ? 'stored' : 'duplicate');
      }
      if (tenants.size) onStored(tenants);
    } catch (err) {
      for (const w of batch) w.reject(err);
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
  return intake.store({
    tenantId, payload: plain, receivedAt: deps.clock.now(),
    dedupeKey: crypto.createHash('sha256').update(plain).digest('base64url'),
    event: xmlField(plain, 'Event') ?? xmlField(plain, 'MsgType') ?? 'unknown',
    changeType: xmlField(plain, 'ChangeType'),
  });
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
