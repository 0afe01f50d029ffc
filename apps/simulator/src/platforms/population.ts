// Population mode for a platform shop (the demo): at an average rate (real time, Poisson arrivals)
// one of the given buyers places an order of one to three of the given products; orders made this
// way then move on by themselves — paid → shipped → completed after the configured sim seconds,
// a few unpaid ones paid or closed, a share refunded — each step bumping the modified time, as a
// live shop's orders do. One arrival timer per shop and one progress tick for all: gentle.
import type { Sim } from '../sim-context.ts';
import type { PlatformShop, ShopPopulation } from './state.ts';
import { platformsState, shopKey } from './state.ts';
import { changeOrder, createOrder } from './orders.ts';
import { randomMessage } from './catalogue.ts';

export type PlatformPopulation = {
  set(shop: PlatformShop, p: ShopPopulation | null): void;
  resume(): void;
  stop(): void;
};

const MAX_RATE = 600;
const TICK_MS = 2000;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];

export function placeOrder(sim: Sim, shop: PlatformShop, p: ShopPopulation) {
  const now = sim.now();
  const count = shop.platform === 'kuaishou' ? 1 : pick([1, 1, 1, 2, 2, 3]);
  const items = Array.from({ length: count }, () => ({ ...pick(p.products), quantity: pick([1, 1, 1, 2]) }));
  const unpaid = Math.random() < 0.08;
  const o = createOrder(shop, {
    buyer: pick(p.buyers), items, post_fen: 0, discount_fen: Math.random() < 0.3 ? pick([500, 1000, 2000]) : 0,
    status: unpaid ? 'pending_payment' : 'paid', created_at: now, paid_at: unpaid ? undefined : now, buyer_message: randomMessage(),
  }, now);
  o.auto = true;
  shop.orders[o.order_id] = o;
}

/** One step for every auto order whose time has come. */
export function progressOrders(sim: Sim, shop: PlatformShop, p: ShopPopulation) {
  const now = sim.now();
  let changed = false;
  for (const o of Object.values(shop.orders)) {
    if (!o.auto || o.status === 'completed' || o.status === 'closed') continue;
    const since = now - o.modified;
    if (o.status === 'pending_payment' && since >= 60) {
      changeOrder(o, { status: Math.random() < 0.6 ? 'paid' : 'closed' }, now);
    } else if (o.status === 'paid' && since >= p.ship_after_seconds) {
      changeOrder(o, Math.random() < p.refund_rate / 2 ? { refund: 'full' } : { status: 'shipped' }, now);
    } else if (o.status === 'shipped' && since >= p.complete_after_seconds) {
      // Half the refunds come after delivery: a whole order sent back, or one line of several.
      const refund = Math.random() < p.refund_rate / 2 ? (o.items.length > 1 && Math.random() < 0.5 ? 'partial' : 'full') : undefined;
      changeOrder(o, refund === 'full' ? { refund } : { status: 'completed', ...(refund && { refund }) }, now);
    } else continue;
    changed = true;
  }
  if (changed) sim.dirty();
}

export function createPlatformPopulation(sim: Sim, log: (err: unknown) => void): PlatformPopulation {
  const arrivals = new Map<string, NodeJS.Timeout>();
  let tick: NodeJS.Timeout | null = null;
  let stopped = false;

  const ensureTick = () => {
    if (tick || stopped) return;
    tick = setInterval(() => {
      for (const shop of Object.values(platformsState(sim).shops)) {
        if (!shop.population) continue;
        try {
          progressOrders(sim, shop, shop.population);
        } catch (err) {
          log(err);
        }
      }
    }, TICK_MS);
    tick.unref();
  };

  function schedule(key: string) {
    const shop = platformsState(sim).shops[key];
    const p = shop?.population;
    if (stopped || !shop || !p || p.rate_per_minute <= 0) return;
    const mean = 60_000 / Math.min(p.rate_per_minute, MAX_RATE);
    const t = setTimeout(() => {
      arrivals.delete(key);
      const now = platformsState(sim).shops[key];
      if (stopped || !now?.population) return;
      try {
        placeOrder(sim, now, now.population);
        sim.dirty();
      } catch (err) {
        log(err);
      }
      schedule(key);
    }, -Math.log(1 - Math.random()) * mean);
    t.unref();
    arrivals.set(key, t);
  }

  return {
    set(shop, p) {
      const key = shopKey(shop.platform, shop.shop_id);
      clearTimeout(arrivals.get(key));
      arrivals.delete(key);
      shop.population = p && p.rate_per_minute > 0 ? p : null;
      sim.dirty();
      if (shop.population) {
        ensureTick();
        schedule(key);
      }
    },
    resume() {
      for (const [key, shop] of Object.entries(platformsState(sim).shops)) {
        if (!shop.population) continue;
        ensureTick();
        schedule(key);
      }
    },
    stop() {
      stopped = true;
      for (const t of arrivals.values()) clearTimeout(t);
      arrivals.clear();
      if (tick) clearInterval(tick);
      tick = null;
    },
  };
}
