// For the simulator's platform tests: a started simulator, a shop per platform, orders spread over
// time, and minimal signed callers — just enough of each platform's client to poke its gateway.
import { startSimulator, type RunningSimulator, type StartOptions } from '../server.ts';
import type { PlatformName } from './state.ts';
import type { PlatformOrderInput } from './control.ts';
import { douyinSign, kuaishouSign, sortedJson, topSign } from '@siyu/platform-sign';
import { chinaTime } from './privacy.ts';

export type Json = Record<string, any>;

export type Creds = { key: string; secret: string; token: string };
export const credsFor = (shopId: string): Creds => ({ key: `key-${shopId}`, secret: `secret-${shopId}`, token: `token-${shopId}` });

export async function startPlatformSim(opts: StartOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ port: 0, ...opts });
}

/** A shop with its own app (key-…, secret-…, token-…): shops of one test never share a QPS window. */
export async function makeShop(sim: RunningSimulator, platform: PlatformName, shopId = `${platform}-shop-1`, qps?: number): Promise<Creds & { shopId: string }> {
  const c = credsFor(shopId);
  await sim.control.platforms.createShop({ platform, shop_id: shopId, app_key: c.key, app_secret: c.secret, access_token: c.token, ...(qps && { qps }) });
  return { shopId, ...c };
}

export const nowSec = () => Math.floor(Date.now() / 1000);

/** n single-item orders, created evenly over [from, to] (Unix s), each modified a minute after creation. */
export function spreadOrders(n: number, from: number, to: number, opts: { buyers?: number; price?: number } = {}): PlatformOrderInput[] {
  return Array.from({ length: n }, (_, k) => {
    const created = Math.floor(from + ((to - from) * k) / Math.max(1, n - 1));
    return {
      buyer: { id: `buyer-${k % (opts.buyers ?? 50)}`, nickname: `买家${k % (opts.buyers ?? 50)}` },
      items: [{ title: '东阿阿胶糕 500g', price_fen: opts.price ?? 19_800, quantity: 1, outer_code: 'EJ-GAO-500' }],
      status: 'paid', created_at: created, paid_at: created + 30, modified_at: created + 60,
    };
  });
}

async function json(res: Response): Promise<Json> {
  return (await res.json()) as Json;
}

export async function taobaoCall(base: string, c: Creds, params: Record<string, string>, secret = c.secret): Promise<Json> {
  const p: Record<string, string> = {
    method: 'taobao.trades.sold.increment.get', app_key: c.key, session: c.token, timestamp: chinaTime(nowSec()), format: 'json', v: '2.0', sign_method: 'md5', ...params,
  };
  p.sign = topSign(p, secret);
  return json(await fetch(`${base}/taobao/router/rest`, { method: 'POST', body: new URLSearchParams(p) }));
}

export async function taobaoRaw(base: string, c: Creds, params: Record<string, string>): Promise<string> {
  const p: Record<string, string> = { method: 'taobao.trades.sold.increment.get', app_key: c.key, session: c.token, timestamp: chinaTime(nowSec()), format: 'json', v: '2.0', sign_method: 'md5', ...params };
  p.sign = topSign(p, c.secret);
  return (await fetch(`${base}/taobao/router/rest`, { method: 'POST', body: new URLSearchParams(p) })).text();
}

export async function douyinCall(base: string, c: Creds, biz: Json, secret = c.secret): Promise<Json> {
  const paramJson = sortedJson(biz);
  const q: Record<string, string> = { app_key: c.key, method: 'order.searchList', access_token: c.token, timestamp: String(nowSec()), v: '2' };
  q.sign = douyinSign({ app_key: q.app_key, method: q.method, param_json: paramJson, timestamp: q.timestamp, v: q.v }, secret);
  return json(await fetch(`${base}/douyin/order/searchList?${new URLSearchParams(q)}`, { method: 'POST', body: paramJson, headers: { 'content-type': 'application/json' } }));
}

export async function pddCall(base: string, c: Creds, params: Record<string, string>, secret = c.secret): Promise<Json> {
  const p: Record<string, string> = { type: 'pdd.order.number.list.increment.get', client_id: c.key, access_token: c.token, timestamp: String(nowSec()), data_type: 'JSON', ...params };
  p.sign = topSign(p, secret);
  return json(await fetch(`${base}/pdd/api/router`, { method: 'POST', body: new URLSearchParams(p) }));
}

export async function jdCall(base: string, c: Creds, biz: Json, secret = c.secret): Promise<Json> {
  const p: Record<string, string> = { method: 'jingdong.pop.order.search', app_key: c.key, access_token: c.token, timestamp: chinaTime(nowSec()), v: '2.0', '360buy_param_json': JSON.stringify(biz) };
  p.sign = topSign(p, secret);
  return json(await fetch(`${base}/jd/routerjson`, { method: 'POST', body: new URLSearchParams(p) }));
}

export async function kuaishouCall(base: string, c: Creds, param: Json, secret = c.secret): Promise<Json> {
  const q: Record<string, string> = { appkey: c.key, method: 'open.order.cursor.list', version: '1', access_token: c.token, timestamp: String(Date.now()), signMethod: 'MD5', param: JSON.stringify(param) };
  q.sign = kuaishouSign(q, secret);
  return json(await fetch(`${base}/kuaishou/open/order/cursor/list?${new URLSearchParams(q)}`));
}

export async function youzanToken(base: string, c: Creds, grantId: string, secret = c.secret): Promise<Json> {
  return json(await fetch(`${base}/youzan/auth/token`, { method: 'POST', body: JSON.stringify({ client_id: c.key, client_secret: secret, authorize_type: 'silent', grant_id: grantId }), headers: { 'content-type': 'application/json' } }));
}

export async function youzanCall(base: string, token: string, biz: Json): Promise<Json> {
  return json(await fetch(`${base}/youzan/api/youzan.trades.sold.get/4.0.0?access_token=${token}`, { method: 'POST', body: JSON.stringify(biz), headers: { 'content-type': 'application/json' } }));
}

export async function wechatToken(base: string, c: Creds, secret = c.secret): Promise<Json> {
  return json(await fetch(`${base}/wechat-shop/cgi-bin/token?grant_type=client_credential&appid=${c.key}&secret=${secret}`));
}

export async function wechatPost(base: string, token: string, path: string, body: Json): Promise<Json> {
  return json(await fetch(`${base}/wechat-shop${path}?access_token=${token}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }));
}
