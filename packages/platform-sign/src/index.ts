// Request signatures of the sales platforms' open APIs: what the order connectors (platform-connectors)
// sign and what the platform simulators (apps/simulator) check, from one place.
//   TOP (Taobao), JD, PDD: MD5(secret + k1v1k2v2… sorted by key, sign excluded + secret), upper hex.
//   Douyin (抖店 v2): MD5(secret + "app_key"… "method"… "param_json"… "timestamp"… "v"… + secret), lower
//     hex; param_json is the business JSON with keys sorted.
//   Kuaishou: MD5("k1=v1&k2=v2…" sorted, sign excluded + "&signSecret=" + secret), lower hex.
// Youzan and WeChat Shop sign nothing: an access_token from their token endpoint is the credential.
import crypto from 'node:crypto';

const md5 = (s: string) => crypto.createHash('md5').update(s, 'utf8').digest('hex');

export function topSign(params: Record<string, string>, secret: string): string {
  const body = Object.keys(params).filter((k) => k !== 'sign' && params[k] !== '').sort().map((k) => k + params[k]).join('');
  return md5(secret + body + secret).toUpperCase();
}

export function douyinSign(p: { app_key: string; method: string; param_json: string; timestamp: string; v: string }, secret: string): string {
  return md5(`${secret}app_key${p.app_key}method${p.method}param_json${p.param_json}timestamp${p.timestamp}v${p.v}${secret}`);
}

export function kuaishouSign(params: Record<string, string>, secret: string): string {
  const body = Object.keys(params).filter((k) => k !== 'sign').sort().map((k) => `${k}=${params[k]}`).join('&');
  return md5(`${body}&signSecret=${secret}`);
}

/** JSON with object keys sorted at every level (Douyin signs param_json in this form). */
export function sortedJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${sortedJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
