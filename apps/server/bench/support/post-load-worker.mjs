// A load generator for requests that must each be different (signed callbacks: every body has
// its own signature, so autocannon's repeating request list would send duplicates). `connections`
// keep-alive loops take the next prepared request until the time is up or the list runs out.
// Latencies are floats in ms.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, connections, seconds, requests } = workerData; // requests: [{ method, path, body?, headers? }]
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const target = new URL(url);
const times = [];
const statuses = new Map();
let next = 0;
let done = 0;
let errors = 0;
const until = Date.now() + seconds * 1000;

function one(r) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.request({ agent, host: target.hostname, port: target.port, method: r.method, path: r.path, headers: r.headers ?? {} }, (res) => {
      res.resume();
      res.on('end', () => {
        times.push(performance.now() - t0);
        done++;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        resolve();
      });
    });
    req.on('error', () => { errors++; resolve(); });
    if (r.body) req.end(r.body); else req.end();
  });
}

async function loop() {
  while (Date.now() < until) {
    const i = next++;
    if (i >= requests.length) {
      if (requests.length && requests[0].repeat) { next = 0; continue; }
      return;
    }
    await one(requests[i]);
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: connections }, loop));
const elapsed = (performance.now() - started) / 1000;
const sorted = Float64Array.from(times).sort();
const pct = (p) => (done ? sorted[Math.min(done - 1, Math.ceil((p / 100) * done) - 1)] : 0);
let sum = 0;
for (let i = 0; i < done; i++) sum += sorted[i];
agent.destroy();
parentPort.postMessage({ p50: pct(50), p99: pct(99), mean: done ? sum / done : 0, rps: done / elapsed, requests: done, errors, statuses: Object.fromEntries(statuses), elapsed });
