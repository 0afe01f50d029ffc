// Population mode for the demo: at an average rate (real time, Poisson arrivals) a new WeChat user
// appears and scans one of the given contact ways, or adds a random member. A small share later
// chats, joins a group or deletes. Everything goes through the same paths as the scenario API, so
// the callbacks are real. Gentle (at most one arrival timer and a few follow-ups per corp) and
// stoppable (rate 0, or stop()).
import type { Sim } from './sim-context.ts';
import type { CorpState, Population } from './state.ts';
import { createCustomer, recordMessage, scanContactWay } from './customer-ops.ts';
import { befriend, unfriend } from './contact-events.ts';
import { joinGroup, scanJoinWay } from './group-ops.ts';
import { getRelation } from './relations.ts';
import { chineseNickname, pick, randomLine } from './names.ts';

export type PopulationRunner = {
  set(corp: CorpState, p: Population | null): void;
  resume(): void;
  stop(): void;
};

const MAX_RATE = 600; // per minute: above this the "gentle" promise is off

export function createPopulation(sim: Sim, log: (err: unknown) => void): PopulationRunner {
  const arrivals = new Map<string, NodeJS.Timeout>();
  const followUps = new Set<NodeJS.Timeout>();
  let stopped = false;

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      followUps.delete(t);
      if (stopped) return;
      try {
        fn();
      } catch {
        // the world moved on (member left, relation gone): a follow-up is best effort
      }
    }, ms);
    t.unref();
    followUps.add(t);
  };

  function arrive(corp: CorpState, p: Population) {
    const customer = createCustomer(sim, corp, { name: chineseNickname(), gender: pick([0, 1, 1, 2, 2, 2]) });
    const ext = customer.external_userid;
    let userid: string | undefined;
    const ways = p.config_ids.filter((id) => corp.contact_ways[id]);
    if (ways.length > 0) {
      userid = scanContactWay(sim, corp, ext, pick(ways), 'random').userid;
    } else {
      const members = Object.values(corp.members).filter((m) => m.status === 1 && m.customer_contact);
      if (members.length === 0) return;
      userid = pick(members).userid;
      befriend(sim, corp, { external_userid: ext, userid, add_way: pick([1, 1, 2, 3, 6]) });
    }
    const uid = userid;
    const r = Math.random();
    if (r < 0.3) later(2000 + Math.random() * 20_000, () => recordMessage(sim, corp, ext, uid, randomLine()));
    if (r < 0.1) {
      later(5000 + Math.random() * 60_000, () => {
        const joinWays = Object.keys(corp.join_ways);
        const groups = Object.values(corp.groups).filter((g) => g.members.length < sim.limits.groupMembers);
        if (joinWays.length > 0) scanJoinWay(sim, corp, pick(joinWays), ext);
        else if (groups.length > 0) joinGroup(sim, corp, pick(groups), { external_userid: ext, join_scene: 3 });
      });
    }
    if (Math.random() < 0.05) {
      const by = Math.random() < 0.7 ? 'customer' : 'member';
      later(10_000 + Math.random() * 120_000, () => {
        if (getRelation(corp, uid, ext)) unfriend(sim, corp, uid, ext, by);
      });
    }
  }

  function schedule(corpid: string) {
    const corp = sim.state.corps[corpid];
    const p = corp?.population;
    if (stopped || !corp || !p || p.rate_per_minute <= 0) return;
    const mean = 60_000 / Math.min(p.rate_per_minute, MAX_RATE);
    const wait = -Math.log(1 - Math.random()) * mean; // exponential gaps: arrivals look random, average holds
    const t = setTimeout(() => {
      arrivals.delete(corpid);
      const now = sim.state.corps[corpid];
      if (stopped || !now?.population) return;
      try {
        arrive(now, now.population);
      } catch (err) {
        log(err);
      }
      schedule(corpid);
    }, wait);
    t.unref();
    arrivals.set(corpid, t);
  }

  return {
    set(corp, p) {
      clearTimeout(arrivals.get(corp.corpid));
      arrivals.delete(corp.corpid);
      corp.population = p && p.rate_per_minute > 0 ? p : null;
      sim.dirty();
      schedule(corp.corpid);
    },
    resume() {
      for (const corp of Object.values(sim.state.corps)) if (corp.population) schedule(corp.corpid);
    },
    stop() {
      stopped = true;
      for (const t of arrivals.values()) clearTimeout(t);
      for (const t of followUps) clearTimeout(t);
      arrivals.clear();
      followUps.clear();
    },
  };
}
