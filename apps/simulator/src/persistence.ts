// JSON snapshots of the whole state: written atomically (tmp file + rename) at most every
// intervalMs while dirty, and once more on stop. A crash loses at most the last interval.
import fs from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SimState } from './state.ts';
import { emptyCorp, emptyState } from './state.ts';

export function loadState(file: string | undefined): SimState {
  if (!file || !existsSync(file)) return emptyState();
  const raw = JSON.parse(readFileSync(file, 'utf8')) as SimState;
  if (raw.version !== 1) throw new Error(`${file}: unknown simulator state version ${String(raw.version)}`);
  // Fill fields added since the snapshot was written, so older files keep loading.
  for (const [id, corp] of Object.entries(raw.corps)) raw.corps[id] = { ...emptyCorp(corp.corpid, corp.name, corp.apps, 0), ...corp };
  return raw;
}

export type Persistence = { dirty(): void; flush(): Promise<void>; stop(): Promise<void> };

export function createPersistence(file: string | undefined, state: () => SimState, intervalMs = 500): Persistence {
  if (!file) return { dirty() {}, async flush() {}, async stop() {} };
  const target = path.resolve(file);
  let isDirty = false;
  let writing: Promise<void> | null = null;
  // A big state (50k contacts ≈ 25 MB of JSON) takes a while to serialise: space the snapshots
  // at ten times the last one's cost so a busy simulator spends at most ~10% of its time on them.
  let notBefore = 0;

  async function write() {
    isDirty = false;
    const started = Date.now();
    const json = JSON.stringify(state());
    const tmp = `${target}.${process.pid}.tmp`;
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(tmp, json);
    await fs.rename(tmp, target);
    notBefore = Date.now() + 10 * (Date.now() - started);
  }

  async function flush() {
    while (writing) await writing; // one writer at a time; a later flush waits for the earlier one
    if (!isDirty) return;
    writing = write().finally(() => {
      writing = null;
    });
    await writing;
  }

  const timer = setInterval(() => {
    if (isDirty && !writing && Date.now() >= notBefore) flush().catch((err) => console.error('simulator: state snapshot failed', err));
  }, intervalMs);
  timer.unref();

  return {
    dirty() {
      isDirty = true;
    },
    flush,
    async stop() {
      clearInterval(timer);
      isDirty = true; // the last word on stop, whatever happened since the last tick
      await flush();
    },
  };
}
