// WXBizMsgCrypt: the signature and AES envelope of WeCom callbacks, on Tencent's official
// @wecom/crypto (AES-256-CBC, IV = key[0:16], PKCS#7 to 32-byte blocks, auto-padding off so a
// pad above 16 — a real 30 occurs — decrypts). We add what it leaves to the caller: a constant-time
// signature check before any decryption, structural checks of the plaintext, and the receiver id.
import crypto from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';

export type CallbackCryptoConfig = {
  token: string;
  encodingAESKey: string; // 43 characters of [a-zA-Z0-9]
  receiveId: string; // the corp id (self-built apps and customer-contact events) or a suite id
};

export type CallbackCryptoErrorCode = 'BAD_SIGNATURE' | 'BAD_CIPHERTEXT' | 'WRONG_RECEIVER' | 'BAD_KEY';

export class CallbackCryptoError extends Error {
  constructor(readonly code: CallbackCryptoErrorCode, message: string) {
    super(message);
    this.name = 'CallbackCryptoError';
  }
}

export type SignedParams = { msgSignature: string; timestamp: string; nonce: string };

function checkKey(key: string) {
  if (!/^[A-Za-z0-9]{43}$/.test(key)) throw new CallbackCryptoError('BAD_KEY', 'EncodingAESKey must be 43 characters of [a-zA-Z0-9]');
}

export function signature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return getSignature(token, timestamp, nonce, encrypted);
}

function verify(cfg: CallbackCryptoConfig, p: SignedParams, encrypted: string) {
  const expected = Buffer.from(signature(cfg.token, p.timestamp, p.nonce, encrypted), 'utf8');
  const given = Buffer.from(p.msgSignature ?? '', 'utf8');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    throw new CallbackCryptoError('BAD_SIGNATURE', 'msg_signature does not match');
  }
}

function open(cfg: CallbackCryptoConfig, encrypted: string): string {
  checkKey(cfg.encodingAESKey);
  const raw = Buffer.from(encrypted, 'base64');
  if (raw.length === 0 || raw.length % 32 !== 0) throw new CallbackCryptoError('BAD_CIPHERTEXT', 'ciphertext is not whole 32-byte blocks');
  let out: { message: string; id: string; random: Buffer };
  try {
    out = decrypt(cfg.encodingAESKey, encrypted);
  } catch (err) {
    throw new CallbackCryptoError('BAD_CIPHERTEXT', `cannot decrypt: ${(err as Error).message}`);
  }
  // The library does not check the length field against what was decrypted: we do.
  const pad = decryptedPad(cfg.encodingAESKey, raw);
  const bodyLength = raw.length - pad - 20;
  const declared = Buffer.byteLength(out.message, 'utf8');
  if (pad < 1 || pad > 32 || declared > bodyLength) throw new CallbackCryptoError('BAD_CIPHERTEXT', 'malformed plaintext');
  if (out.id !== cfg.receiveId) throw new CallbackCryptoError('WRONG_RECEIVER', `receiver id ${out.id} is not ${cfg.receiveId}`);
  return out.message;
}

// The pad byte of the last block, read with the same key (cheap: one block).
function decryptedPad(encodingAESKey: string, raw: Buffer): number {
  const key = Buffer.from(`${encodingAESKey}=`, 'base64');
  const iv = raw.length > 16 ? raw.subarray(raw.length - 32, raw.length - 16) : key.subarray(0, 16);
  const d = crypto.createDecipheriv('aes-256-cbc', key, iv);
  d.setAutoPadding(false);
  const last = Buffer.concat([d.update(raw.subarray(raw.length - 16)), d.final()]);
  return last[last.length - 1];
}

/** GET verification: check the signature over echostr, return its plaintext to echo back exactly. */
export function verifyUrl(cfg: CallbackCryptoConfig, p: SignedParams & { echostr: string }): string {
  verify(cfg, p, p.echostr);
  return open(cfg, p.echostr);
}

/** POST events: check the signature over the Encrypt text, return the decrypted XML. */
export function decryptMessage(cfg: CallbackCryptoConfig, p: SignedParams, encrypted: string): string {
  verify(cfg, p, encrypted);
  return open(cfg, encrypted);
}

/** Encrypts and signs a message (the simulator's callbacks, passive replies). */
export function encryptMessage(cfg: CallbackCryptoConfig, message: string, opts: { timestamp?: string; nonce?: string; random?: Buffer } = {}) {
  checkKey(cfg.encodingAESKey);
  const timestamp = opts.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = opts.nonce ?? String(crypto.randomInt(1e9, 1e10));
  const encrypted = encrypt(cfg.encodingAESKey, message, cfg.receiveId, opts.random ?? crypto.randomBytes(16));
  return { encrypted, timestamp, nonce, msgSignature: signature(cfg.token, timestamp, nonce, encrypted) };
}

/** Extracts the Encrypt element of a callback body (XML with CDATA, or the JSON variant). */
export function encryptedFieldOf(body: string): string | null {
  const xml = /<Encrypt>\s*(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))\s*<\/Encrypt>/.exec(body);
  if (xml) return (xml[1] ?? xml[2] ?? '').trim() || null;
  try {
    const json = JSON.parse(body) as { encrypt?: string; Encrypt?: string };
    return json.encrypt ?? json.Encrypt ?? null;
  } catch {
    return null;
  }
}
