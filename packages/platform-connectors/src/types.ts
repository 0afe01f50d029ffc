// What a platform connector is: how it signs and pages one platform's order API, turning each page
// into OrderRecords. The driver (Siyu's order sync, or any caller) owns everything around it — time
// windows, checkpoints, writing — and hands each call a context that paces and retries it
// (context.ts), so a connector file is only the platform's own rules.
import type { OrderRecord, Platform } from '@siyu/order-exports';

/** What a connector reads of a shop: nothing of where the caller keeps it. */
export type ConnectorShop = {
  platform: Platform;
  /** The platform's shop id (Youzan: the kdt_id, used when no grantId credential is set). */
  externalId: string | null;
  /** By the keys in the connector's `credentials` list (CONNECTOR_CREDENTIALS). */
  credentials: Record<string, string>;
};

/** Modified-time window, both ends inclusive (overlaps are harmless: writes are idempotent). */
export type Window = { start: Date; end: Date };

/** Where a connector is inside a window: JSON, saved on the shop after every page. */
export type Cursor = Record<string, string | number | boolean | null>;

/** tooMany: the window holds more than the API can page through — the driver halves it. */
export type Page = { records: OrderRecord[]; next: Cursor | null; tooMany?: boolean };

export type ConnectorContext = {
  shop: ConnectorShop;
  /** The shop's api_base_url (the simulator's prefix included), else the platform's gateway host. */
  baseUrl: string;
  pageSize: number;
  /** Runs one HTTP call paced (per-shop minimum interval) and retried on the platform's busy/limit answers. */
  call: <T>(fn: () => Promise<T>) => Promise<T>;
  /** Per-run scratch (issued access tokens). */
  cache: Map<string, unknown>;
  now: () => Date;
};

export type CredentialField = { key: string; label: string; secret: boolean };

export type Connector = {
  /** The platform's own limit on a window (a request beyond it is refused). */
  maxWindowMs: number;
  /** The window the driver uses: ≤ maxWindowMs; smaller keeps each checkpoint step short. */
  windowMs: number;
  /** Client-side pace per shop: the platform's per-app QPS divided among a few shops. */
  minIntervalMs: number;
  defaultBaseUrl: string;
  credentials: CredentialField[];
  fetchPage(ctx: ConnectorContext, w: Window, cursor: Cursor | null): Promise<Page>;
};

export type ConnectorPlatform = Exclude<Platform, 'tmall'>;
