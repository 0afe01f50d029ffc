import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeErrcode, isRetryable, WecomApiError, WecomNetworkError, WecomRateLimitError, WECOM_ERRCODES } from './errors.ts';

// Every errcode the spec names, each with the kind code may branch on.
const NAMED: Record<number, string> = {
  40001: 'invalid_secret', 40014: 'token_invalid', 42001: 'token_expired', 41001: 'token_missing', 60020: 'ip_not_allowed',
  45009: 'rate_limited', 45033: 'concurrency_limited', [-1]: 'system_busy', 60011: 'no_privilege', 40126: 'tag_limit',
};
const SPEC_CODES = [
  40096, 84061, 40068, 41018, 301002, 41037, 41038, 41039, 41040, 41041, 41042, 41043, 41044, 41045, 41049, 41050, 41051,
  41096, 41055, 41058, 41048, 41064, 41065, 41063, 41094, 41093, 41089, 41078, 40128, 40129, 40130, 40143, 40097, 90500,
  90501, 90507, 90508, 81017, 40206, 45029, 41091, 41095, 40058, 40003,
];

test('every errcode the spec names has a kind and a Chinese message', () => {
  for (const [code, kind] of Object.entries(NAMED)) assert.equal(describeErrcode(Number(code)).kind, kind, code);
  for (const code of SPEC_CODES) {
    const d = describeErrcode(code);
    assert.notEqual(d.kind, 'unknown', String(code));
    assert.match(d.message, /[\u4e00-\u9fff]/, String(code));
  }
  assert.equal(describeErrcode(40001).message, '应用 Secret 无效（已重置或应用已停用）');
  assert.equal(new Set(WECOM_ERRCODES.map((e) => e.errcode)).size, WECOM_ERRCODES.length);
});

test('unknown errcodes keep WeCom’s errmsg', () => {
  const e = new WecomApiError(99999, 'something new', '/cgi-bin/x');
  assert.equal(e.kind, 'unknown');
  assert.match(e.hint, /99999.*something new/);
  assert.match(e.message, /\/cgi-bin\/x: errcode 99999/);
});

test('isRetryable: only system busy, frequency, concurrency and transient network failures', () => {
  for (const code of [-1, 45009, 45033]) assert.equal(isRetryable(new WecomApiError(code, '', '/a')), true, String(code));
  for (const code of [40001, 40014, 42001, 40096, 41051, 60020, 99999]) assert.equal(isRetryable(new WecomApiError(code, '', '/a')), false, String(code));
  assert.equal(isRetryable(new WecomNetworkError('/a', 'network', 'reset')), true);
  assert.equal(isRetryable(new WecomNetworkError('/a', 'timeout', 'slow')), true);
  assert.equal(isRetryable(new WecomNetworkError('/a', 'http_status', '503', 503)), true);
  assert.equal(isRetryable(new WecomNetworkError('/a', 'http_status', '429', 429)), true);
  assert.equal(isRetryable(new WecomNetworkError('/a', 'http_status', '404', 404)), false);
  assert.equal(isRetryable(new WecomNetworkError('/a', 'bad_response', 'html')), false);
  assert.equal(isRetryable(new WecomRateLimitError('/a', 'queue_full')), false);
  assert.equal(isRetryable(new Error('x')), false);
});
