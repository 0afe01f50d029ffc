// Runs one load scenario with autocannon in a worker thread (so the load generator does not
// share the server's event loop) and reduces it to the figures the benchmarks print. Latencies
// are kept as floats by the worker (autocannon's histogram has 1 ms resolution).
import { Worker } from 'node:worker_threads';
import type { Request } from 'autocannon';

export type Figures = {
  scenario: string;
  p50: number; // ms
  p99: number; // ms
  mean: number; // ms
  rps: number;
  requests: number;
  errors: number; // connection errors and timeouts
  non2xx: number;
};

type WorkerResult = Omit<Figures, 'scenario'> & { error?: string };

export function measure(opts: {
  scenario: string;
  url: string;
  requests: Request[];
  cookie?: string;
  connections: number;
  seconds: number;
}): Promise<Figures> {
  const workerData = {
    url: opts.url, connections: opts.connections, duration: opts.seconds, timeout: 30,
    headers: opts.cookie ? { cookie: opts.cookie } : {}, requests: opts.requests,
  };
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData });
    w.once('message', (r: WorkerResult) => {
      void w.terminate();
      if (r.error) reject(new Error(r.error));
      else resolve({ scenario: opts.scenario, ...r, rps: Math.round(r.rps) });
    });
    w.once('error', reject);
  });
}

const pad = (s: string, n: number, right = false) => {
  // CJK characters take two columns in a terminal.
  const width = Array.from(s).reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);
  const fill = ' '.repeat(Math.max(0, n - width));
  return right ? fill + s : s + fill;
};

export function table(rows: Figures[]): string {
  const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));
  const head = `${pad('scenario', 46)} ${pad('p50 ms', 9, true)} ${pad('p99 ms', 9, true)} ${pad('req/s', 8, true)} ${pad('requests', 9, true)} ${pad('errors', 7, true)}`;
  const lines = rows.map((r) => `${pad(r.scenario, 46)} ${pad(ms(r.p50), 9, true)} ${pad(ms(r.p99), 9, true)} ${pad(String(r.rps), 8, true)} ${pad(String(r.requests), 9, true)} ${pad(String(r.errors + r.non2xx), 7, true)}`);
  return [head, '-'.repeat(head.length), ...lines].join('\n');
}
