// Personal data at rest: phone numbers are encrypted (AES-256-GCM), hashed for matching (HMAC,
// so a leaked table cannot be reversed by hashing all 11-digit numbers without the key) and
// masked in every view. Keys are derived from one master secret with HKDF.
import crypto from 'node:crypto';

export type Pii = {
  encrypt: (plain: string) => string;
  decrypt: (sealed: string) => string;
  hashPhone: (phone: string) => string;
  hash: (purpose: string, value: string) => string;
};

export function parseMasterKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) throw new Error('SIYU_SECRET_KEY must be 32 bytes (64 hex characters or base64)');
  return key;
}

export function createPii(master: Buffer): Pii {
  const derive = (info: string) => Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  const encKey = derive('siyu:pii:enc:v1');
  const hashKey = derive('siyu:pii:hash:v1');
  const hash = (purpose: string, value: string) =>
    crypto.createHmac('sha256', hashKey).update(`${purpose}\u0000${value}`).digest('hex');
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(sealed) {
      if (!sealed.startsWith('v1.')) throw new Error('Unknown ciphertext version');
      const raw = Buffer.from(sealed.slice(3), 'base64');
      const decipher = crypto.createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    hashPhone: (phone) => hash('phone', normalizePhone(phone) ?? phone),
    hash,
  };
}

/** Mainland mobile numbers in their 11-digit form; +86 / 0086 prefixes and separators removed. */
export function normalizePhone(input: string): string | null {
  const digits = input.replace(/[\s\-()'=+"]/g, '').replace(/^(0086|86)(?=1\d{10}$)/, '');
  return /^1\d{10}$/.test(digits) ? digits : null;
}

/** 13800000000 → 138****0000; anything shorter keeps only its last 2 characters. */
export function maskPhone(phone: string): string {
  if (phone.length >= 7) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  return `${'*'.repeat(Math.max(phone.length - 2, 1))}${phone.slice(-2)}`;
}

/** For ids shown to operators (openids, unionids): enough to recognise, not enough to reuse. */
export function maskId(value: string): string {
  if (value.length <= 8) return `${value.slice(0, 2)}****`;
  return `${value.slice(0, 4)}****${value.slice(-4)}`;
}
