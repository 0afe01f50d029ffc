// gettoken and token checks (§1): one token per (corp, secret), the same one while valid, expiry by
// the sim clock (42001), unknown or invalidated tokens 40014.
import type { Sim } from './sim-context.ts';
import type { CorpState } from './state.ts';
import type { Params } from './params.ts';
import { WecomError } from './errors.ts';
import { newToken, unique } from './ids.ts';
import { optString } from './params.ts';
import { DAY } from './clock.ts';

export function corpidOfTokenRequest(query: Params): string | undefined {
  return optString(query, 'corpid');
}

export function getToken(sim: Sim, query: Params): Record<string, unknown> {
  const corpid = optString(query, 'corpid');
  const secret = optString(query, 'corpsecret');
  if (!corpid) throw new WecomError(41002, 'corpid missing');
  if (!secret) throw new WecomError(41004, 'corpsecret missing');
  const corp = sim.state.corps[corpid];
  if (!corp) throw new WecomError(40013, 'invalid corpid');
  const app = corp.apps.find((a) => a.secret === secret);
  if (!app) throw new WecomError(40001, 'invalid credential (corpsecret)');
  const now = sim.now();
  const tokens = sim.state.tokens;
  for (const [token, rec] of Object.entries(tokens)) {
    if (rec.corpid === corpid && rec.secret === secret && rec.expires_at > now) {
      // The same token while it is valid; expires_in counts down to its real expiry.
      return { access_token: token, expires_in: rec.expires_at - now };
    }
    // Long-expired records only serve 42001 answers; a day later nobody needs them.
    if (rec.expires_at < now - DAY) delete tokens[token];
  }
  const token = unique(newToken, (t) => t in tokens);
  tokens[token] = { corpid, agentid: app.agentid, secret, expires_at: now + sim.limits.tokenTtlSeconds };
  sim.dirty();
  return { access_token: token, expires_in: sim.limits.tokenTtlSeconds };
}

export function resolveToken(sim: Sim, token: string): { corp: CorpState; agentid: number } {
  const rec = sim.state.tokens[token];
  const corp = rec && sim.state.corps[rec.corpid];
  if (!rec || !corp) throw new WecomError(40014, 'invalid access_token');
  if (rec.expires_at <= sim.now()) throw new WecomError(42001, 'access_token expired');
  // A rotated secret kills its tokens, as resetting a secret does in the admin console.
  if (!corp.apps.some((a) => a.secret === rec.secret)) throw new WecomError(40014, 'invalid access_token');
  return { corp, agentid: rec.agentid };
}

export function invalidateTokens(sim: Sim, corpid: string): number {
  let n = 0;
  for (const [token, rec] of Object.entries(sim.state.tokens)) {
    if (rec.corpid === corpid) {
      delete sim.state.tokens[token];
      n++;
    }
  }
  sim.dirty();
  return n;
}
