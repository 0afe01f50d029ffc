// The context a connector's calls run in, for one run over one shop: where to send them (the shop's
// own base URL — a proxy, the simulator — else the platform's gateway), how many rows a page, and
// every call paced per key and retried on the platform's busy / limit answers (throttle.ts). Siyu's
// order sync builds its context here; so can any other caller.
import type { Platform } from '@siyu/order-exports';
import type { Connector, ConnectorContext, ConnectorShop, CredentialField } from './types.ts';
import type { ConnectorError } from './errors.ts';
import { CONNECTORS } from './registry.ts';
import { DEFAULT_RETRY, pace, withRetry, type RetryPolicy } from './throttle.ts';

/** The connector of a platform (Tmall shops use Taobao's TOP connector). */
export function connectorFor(platform: Platform): Connector {
  return CONNECTORS[platform === 'tmall' ? 'taobao' : platform];
}

/** The credentials the shop lacks. Youzan's grantId may stay empty: the shop's external id stands in. */
export function missingCredentialFields(shop: ConnectorShop): CredentialField[] {
  return connectorFor(shop.platform).credentials.filter((f) => f.key !== 'grantId' && !shop.credentials[f.key]);
}

export type ContextOptions = {
  /** Overrides the platform's gateway host (trailing slashes dropped). */
  baseUrl?: string | null;
  /** Rows a page; default 100 (every platform's maximum). */
  pageSize?: number;
  /** Minimum spacing of calls with the same paceKey; default: the connector's. */
  minIntervalMs?: number;
  /** Calls sharing a key share one pace (default: the platform and the shop's external id). */
  paceKey?: string;
  retry?: Partial<RetryPolicy>;
  onRetry?: (err: ConnectorError, attempt: number) => void;
  now?: () => Date;
};

export function connectorContext(shop: ConnectorShop, opts: ContextOptions = {}): ConnectorContext {
  const connector = connectorFor(shop.platform);
  const policy = { ...DEFAULT_RETRY, ...opts.retry };
  const interval = opts.minIntervalMs ?? connector.minIntervalMs;
  const key = opts.paceKey ?? `${shop.platform}:${shop.externalId ?? ''}`;
  return {
    shop,
    baseUrl: (opts.baseUrl || connector.defaultBaseUrl).replace(/\/+$/, ''),
    pageSize: opts.pageSize ?? 100,
    cache: new Map(),
    now: opts.now ?? (() => new Date()),
    call: (fn) => withRetry(policy, async () => {
      await pace(key, interval);
      return fn();
    }, opts.onRetry),
  };
}
