import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { verifyUrl, decryptMessage, encryptMessage, encryptedFieldOf, signature, CallbackCryptoError } from './callback-crypto.ts';

// Tencent's own sample (spec §9, V1).
const V1 = { token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo', encodingAESKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt', receiveId: 'ww1436e0e65a779aee' };

test('official sample: URL verification returns the echo plaintext', () => {
  const plain = verifyUrl(V1, {
    msgSignature: '012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb', timestamp: '1476416373', nonce: '47744683',
    echostr: 'fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==',
  });
  assert.equal(plain, '1288432023552776189');
});

const V1B = 'Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+';

test('official sample: message decryption (pad 22, multi-byte text)', () => {
  const xml = decryptMessage(V1, { msgSignature: '0c3914025cb4b4d68103f6bfc8db550f79dcf48e', timestamp: '1476422779', nonce: '1597212914' }, V1B);
  assert.equal(xml, '<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>');
  assert.equal(Buffer.byteLength(xml), 228);
});

test('a forged or altered signature, or another corp, is refused before anything is trusted', () => {
  const p = { msgSignature: '0c3914025cb4b4d68103f6bfc8db550f79dcf48f', timestamp: '1476422779', nonce: '1597212914' };
  assert.throws(() => decryptMessage(V1, p, V1B), (e: CallbackCryptoError) => e.code === 'BAD_SIGNATURE');
  assert.throws(() => decryptMessage(V1, { ...p, msgSignature: '0c3914025cb4b4d68103f6bfc8db550f79dcf48e', timestamp: '1476422780' }, V1B), (e: CallbackCryptoError) => e.code === 'BAD_SIGNATURE');
  assert.throws(() => decryptMessage({ ...V1, receiveId: 'wwOTHER' }, { ...p, msgSignature: '0c3914025cb4b4d68103f6bfc8db550f79dcf48e' }, V1B), (e: CallbackCryptoError) => e.code === 'WRONG_RECEIVER');
});

test('every pad length 1..32 round-trips, including the 30 and 32 Node rejects by default', () => {
  const seen = new Set<number>();
  for (let len = 0; len < 64; len++) {
    const msg = 'x'.repeat(len);
    const env = encryptMessage(V1, msg);
    // 16 random + 4 length + msg + receiveId, padded to 32
    seen.add(32 - ((20 + len + V1.receiveId.length) % 32));
    assert.equal(decryptMessage(V1, env, env.encrypted), msg);
  }
  assert.equal(seen.size, 32);
  assert.ok(seen.has(30) && seen.has(32) && seen.has(1));
});

test('multi-byte text and arbitrary binary random prefixes round-trip', () => {
  for (const msg of ['你好，世界', '😀 客户 add_external_contact', '<xml><Content><![CDATA[阿胶糕]]></Content></xml>']) {
    for (const random of [Buffer.alloc(16, 0), Buffer.alloc(16, 0xff), crypto.randomBytes(16)]) {
      const env = encryptMessage(V1, msg, { random });
      assert.equal(decryptMessage(V1, env, env.encrypted), msg);
    }
  }
});

test('validly signed garbage never decrypts into a message', () => {
  const sign = (encrypted: string) => ({ msgSignature: signature(V1.token, '1', '2', encrypted), timestamp: '1', nonce: '2' });
  for (let i = 0; i < 50; i++) {
    const junk = crypto.randomBytes(32 * (1 + (i % 4))).toString('base64');
    assert.throws(() => decryptMessage(V1, sign(junk), junk),
      (e: CallbackCryptoError) => e instanceof CallbackCryptoError && ['BAD_CIPHERTEXT', 'WRONG_RECEIVER'].includes(e.code));
  }
  const ragged = crypto.randomBytes(40).toString('base64');
  assert.throws(() => decryptMessage(V1, sign(ragged), ragged), (e: CallbackCryptoError) => e.code === 'BAD_CIPHERTEXT');
  assert.throws(() => verifyUrl({ ...V1, encodingAESKey: 'short' }, { ...sign('x'), echostr: 'x' }), (e: CallbackCryptoError) => e.code === 'BAD_SIGNATURE' || e.code === 'BAD_KEY');
});

test('the Encrypt field is read from XML (with or without CDATA) and from the JSON variant', () => {
  assert.equal(encryptedFieldOf('<xml><ToUserName><![CDATA[ww1]]></ToUserName><Encrypt><![CDATA[abc+/=]]></Encrypt><AgentID><![CDATA[1]]></AgentID></xml>'), 'abc+/=');
  assert.equal(encryptedFieldOf('<xml><Encrypt>abc</Encrypt></xml>'), 'abc');
  assert.equal(encryptedFieldOf('{"tousername":"ww1","encrypt":"abc","agentid":"1"}'), 'abc');
  assert.equal(encryptedFieldOf('<xml></xml>'), null);
});
