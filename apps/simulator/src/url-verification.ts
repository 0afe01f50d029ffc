// Saving a callback URL, as in the admin console: WeCom first GETs the URL with an encrypted random
// echostr and saves only when the answer is exactly the plaintext.
import crypto from 'node:crypto';
import { encryptMessage } from '@siyu/wecom';
import type { CallbackConfig } from './state.ts';

export async function verifyCallbackUrl(corpid: string, cfg: CallbackConfig, timeoutMs: number): Promise<string | null> {
  if (!/^[A-Za-z0-9]{43}$/.test(cfg.encoding_aes_key)) return 'encoding_aes_key must be 43 characters of [a-zA-Z0-9]';
  if (!cfg.token || cfg.token.length > 32 || !/^[A-Za-z0-9]+$/.test(cfg.token)) return 'token must be 1..32 letters or digits';
  let url: URL;
  try {
    url = new URL(cfg.url);
  } catch {
    return 'url is not a valid URL';
  }
  if (!/^https?:$/.test(url.protocol)) return 'url must be http(s)';
  const plain = String(crypto.randomInt(1e9, 1e10)) + String(crypto.randomInt(1e8, 1e9));
  const env = encryptMessage({ token: cfg.token, encodingAESKey: cfg.encoding_aes_key, receiveId: corpid }, plain);
  url.searchParams.set('msg_signature', env.msgSignature);
  url.searchParams.set('timestamp', env.timestamp);
  url.searchParams.set('nonce', env.nonce);
  url.searchParams.set('echostr', env.encrypted);
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await res.text();
    if (res.status < 200 || res.status >= 300) return `URL verification failed: HTTP ${res.status}`;
    if (body !== plain) return 'URL verification failed: the answer is not the decrypted echostr';
    return null;
  } catch (err) {
    return `URL verification failed: ${(err as Error).message}`;
  }
}
