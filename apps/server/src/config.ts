// The ONLY reader of process.env: parsed once with zod, frozen, passed down through deps.
import { z } from 'zod';
import path from 'node:path';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  SIYU_DATA_DIR: z.string().default('./data'),
  SIYU_PG_PORT: z.coerce.number().int().default(54329),
  // 32 bytes, hex or base64. Encrypts phone numbers and secrets at rest and keys their HMAC hashes.
  // When unset, a key is generated once and kept in <data dir>/secret.key (fine for a laptop;
  // production sets it explicitly and keeps it in a vault).
  SIYU_SECRET_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SIYU_LOG_PRETTY: z.enum(['0', '1']).optional(),
  SIYU_COOKIE_SECURE: z.enum(['0', '1']).default('0'),
  // Proxies whose X-Forwarded-For is believed (comma-separated IPs or CIDRs, e.g. `127.0.0.1,10.0.0.0/8`).
  // Unset: none — the client address is the socket's, so nobody can pick the address that per-address
  // limits and the session log see.
  SIYU_TRUST_PROXY: z.string().regex(/^[0-9a-fA-F.:/,\s]+$/, 'comma-separated IP addresses or CIDRs').optional(),
  // Retention in days of what only grows (see docs/operations.md): the event outbox (kept while a
  // consumer still needs an event, and at least this long), processed WeCom callbacks (their
  // decrypted text is personal data) and the customer timeline.
  SIYU_RETAIN_OUTBOX_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  SIYU_RETAIN_CALLBACKS_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  SIYU_RETAIN_TIMELINE_DAYS: z.coerce.number().int().min(30).max(36500).default(730),
  SIYU_RETAIN_IMPORT_REJECTS_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  // Free disk an upload must leave behind (MB): uploads that would eat into it are refused before
  // anything is written — the database, its WAL and the import's own work need that room.
  SIYU_UPLOAD_RESERVE_MB: z.coerce.number().int().min(0).default(1024),
  SIYU_SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  SIYU_WORKERS: z.coerce.number().int().min(0).max(32).default(2),
  // The bundled WeCom simulator that `siyu start --demo` runs beside Siyu (and `siyu sim` alone).
  SIYU_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(54330),
  // New friends per minute in the demo's simulated population (0 = none).
  // Order API sync reads orders modified up to this many seconds ago (platforms index new orders with a lag).
  SIYU_ORDER_SYNC_LAG_SECONDS: z.coerce.number().int().min(0).max(3600).default(180),
  SIYU_DEMO_FRIENDS_PER_MINUTE: z.coerce.number().min(0).max(600).default(3),
});

export type Config = Readonly<{
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  secretKey: string | undefined;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  cookieSecure: boolean;
  /** Fastify's trustProxy: false, or the proxies' addresses. */
  trustProxy: false | string;
  uploadReserveBytes: number;
  retention: Readonly<{ outboxDays: number; callbacksDays: number; timelineDays: number; importRejectsDays: number }>;
  sessionDays: number;
  workerConcurrency: number;
  simPort: number;
  demoFriendsPerMinute: number;
  orderSyncLagSeconds: number;
}>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  // An empty variable means "not set" (as in `DATABASE_URL= siyu start`).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.SIYU_DATA_DIR),
    embeddedPgPort: e.SIYU_PG_PORT,
    secretKey: e.SIYU_SECRET_KEY,
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.SIYU_COOKIE_SECURE === '1',
    trustProxy: e.SIYU_TRUST_PROXY ? e.SIYU_TRUST_PROXY.split(',').map((x) => x.trim()).filter(Boolean).join(',') : false,
    uploadReserveBytes: e.SIYU_UPLOAD_RESERVE_MB * 1024 * 1024,
    retention: Object.freeze({ outboxDays: e.SIYU_RETAIN_OUTBOX_DAYS, callbacksDays: e.SIYU_RETAIN_CALLBACKS_DAYS, timelineDays: e.SIYU_RETAIN_TIMELINE_DAYS, importRejectsDays: e.SIYU_RETAIN_IMPORT_REJECTS_DAYS }),
    sessionDays: e.SIYU_SESSION_DAYS,
    workerConcurrency: e.SIYU_WORKERS,
    simPort: e.SIYU_SIM_PORT,
    demoFriendsPerMinute: e.SIYU_DEMO_FRIENDS_PER_MINUTE,
    orderSyncLagSeconds: e.SIYU_ORDER_SYNC_LAG_SECONDS,
    ...overrides,
  });
}
