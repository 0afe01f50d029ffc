// The part of autocannon's API the benchmarks use (the package ships no types).
declare module 'autocannon' {
  type Histogram = {
    average: number; mean: number; stddev: number; min: number; max: number; total: number;
    p50: number; p75: number; p90: number; p97_5: number; p99: number; p99_9: number;
  };
  type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    pipelining?: number;
    workers?: number;
    timeout?: number;
    headers?: Record<string, string>;
    requests?: Request[];
    title?: string;
  };
  type Result = {
    title?: string;
    latency: Histogram;
    requests: Histogram & { sent: number };
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
    statusCodeStats?: Record<string, { count: number }>;
  };
  type Instance = Promise<Result> & { stop: () => void };
  function autocannon(opts: Options): Instance;
  export default autocannon;
  export type { Options, Result, Request };
}
