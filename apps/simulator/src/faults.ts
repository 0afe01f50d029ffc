// Injected faults (POST /sim/faults): the next `count` matching API calls get an errcode and/or a
// delay before their handler runs. Held in memory only: a fault is a test's instruction, not state.
export type Fault = { id: number; corpid?: string; api?: string; errcode?: number; delay_ms?: number; remaining: number };
export type FaultInput = { corpid?: string; api?: string; errcode?: number; delay_ms?: number; count?: number };

export type FaultBook = {
  add(input: FaultInput): Fault;
  clear(): void;
  list(): Fault[];
  /** Consumes one use of the first fault matching this call, if any. */
  take(corpid: string | undefined, api: string): Fault | undefined;
};

export function createFaultBook(): FaultBook {
  let faults: Fault[] = [];
  let seq = 0;
  return {
    add(input) {
      const f: Fault = { id: ++seq, remaining: input.count ?? 1 };
      if (input.corpid) f.corpid = input.corpid;
      if (input.api) f.api = normalizeApi(input.api);
      if (input.errcode !== undefined) f.errcode = input.errcode;
      if (input.delay_ms !== undefined) f.delay_ms = input.delay_ms;
      faults.push(f);
      return f;
    },
    clear() {
      faults = [];
    },
    list() {
      return faults.map((f) => ({ ...f }));
    },
    take(corpid, api) {
      const f = faults.find((x) => x.remaining > 0 && (!x.corpid || x.corpid === corpid) && (!x.api || x.api === api));
      if (!f) return undefined;
      f.remaining--;
      if (f.remaining <= 0) faults = faults.filter((x) => x !== f);
      return f;
    },
  };
}

export function normalizeApi(path: string): string {
  const p = path.split('?')[0].replace(/\/+$/, '');
  return p.startsWith('/') ? p : `/${p}`;
}
