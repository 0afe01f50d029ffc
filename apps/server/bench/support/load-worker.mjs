// Runs autocannon inside a worker thread and keeps every response time as a float: autocannon's
// own histogram counts whole milliseconds, too coarse for a sub-millisecond /healthz reference.
// (Off the main thread autocannon returns its raw, unaggregated result: we use its counters.)
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

let times = new Float64Array(1 << 16);
let n = 0;
const record = (ms) => {
  if (n === times.length) {
    const bigger = new Float64Array(times.length * 2);
    bigger.set(times);
    times = bigger;
  }
  times[n++] = ms;
};

const instance = autocannon(workerData, (err, res) => {
  if (err) {
    parentPort.postMessage({ error: String(err?.stack ?? err) });
    return;
  }
  const sorted = times.subarray(0, n).sort();
  const pct = (p) => (n ? sorted[Math.min(n - 1, Math.ceil((p / 100) * n) - 1)] : 0);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  parentPort.postMessage({
    p50: pct(50), p99: pct(99), mean: n ? sum / n : 0, responses: n,
    rps: res.duration > 0 ? res.totalCompletedRequests / res.duration : 0, requests: res.totalCompletedRequests,
    errors: res.errors + res.timeouts, non2xx: res.non2xx,
  });
});
instance.on('response', (_client, _status, _bytes, responseTime) => record(responseTime));
