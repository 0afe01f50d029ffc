import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWecomClient } from './client.ts';
import type { WecomClientOptions } from './client-core.ts';
import { WecomApiError, WecomNetworkError, WecomRateLimitError, isRetryable } from './errors.ts';
import { createTokenCache } from './token-cache.ts';
import { startScripted, tokenAnswer, type Script } from './scripted-server.ts';

const GET = '/cgi-bin/externalcontact/get';
const TOKEN = '/cgi-bin/gettoken';
const OK = { errcode: 0, errmsg: 'ok' };

// Each test gets its own server, token cache and fast retries.
async function setup(script: Script, extra: Partial<WecomClientOptions> = {}) {
  const server = await startScripted(script);
  const calls: { api: string; errcode: number | null; attempt: number }[] = [];
  const client = createWecomClient({
    corpId: 'wwcorp', secret: 'S3CRET', baseUrl: server.url, tokenCache: createTokenCache(),
    retry: { baseDelayMs: 5, maxDelayMs: 20 }, timeoutMs: 2000,
    onCall: (e) => calls.push({ api: e.api, errcode: e.errcode, attempt: e.attempt }),
    ...extra,
  });
  return { server, client, calls };
}

const tokenThen = (api: Script): Script => (req, nth) => (req.path === TOKEN ? tokenAnswer(nth) : api(req, nth));

test('the token is fetched once, cached, and sent in the query string; POST bodies are JSON', async () => {
  const { server, client } = await setup(tokenThen(() => ({ ...OK, follow_user: ['zhangsan'], extra_field: 1 })));
  try {
    const a = await client.getFollowUserList();
    await client.markTag({ userid: 'zhangsan', external_userid: 'wmX', add_tag: ['etA'] });
    assert.deepEqual(a.follow_user, ['zhangsan']);
    assert.equal((a as Record<string, unknown>).extra_field, 1, 'unknown fields are kept');
    assert.equal(server.count(TOKEN), 1);
    const [tok] = server.requests(TOKEN);
    assert.equal(tok.query.get('corpid'), 'wwcorp');
    assert.equal(tok.query.get('corpsecret'), 'S3CRET');
    const [mark] = server.requests('/cgi-bin/externalcontact/mark_tag');
    assert.equal(mark.method, 'POST');
    assert.equal(mark.query.get('access_token'), 'TOKEN-1');
    assert.match(String(mark.headers['content-type']), /application\/json/);
    assert.deepEqual(mark.json, { userid: 'zhangsan', external_userid: 'wmX', add_tag: ['etA'] });
    assert.equal(server.requests('/cgi-bin/externalcontact/get_follow_user_list')[0].method, 'GET');
    assert.equal(await client.getAccessToken(), 'TOKEN-1');
  } finally {
    await server.close();
  }
});

test('concurrent calls share one gettoken', async () => {
  const { server, client } = await setup((req, nth) =>
    req.path === TOKEN ? { $delayMs: 50, then: tokenAnswer(nth) } : { ...OK, external_userid: [] },
  );
  try {
    await Promise.all(Array.from({ length: 10 }, () => client.listExternalContacts('u1')));
    assert.equal(server.count(TOKEN), 1);
    assert.equal(server.count('/cgi-bin/externalcontact/list'), 10);
  } finally {
    await server.close();
  }
});

test('clients without their own cache share the process-wide one', async () => {
  const server = await startScripted(tokenThen(() => ({ ...OK, follow_user: [] })));
  try {
    const opts = { corpId: `wwshared${Date.now()}`, secret: 's', baseUrl: server.url };
    await createWecomClient(opts).getFollowUserList();
    await createWecomClient(opts).getFollowUserList();
    assert.equal(server.count(TOKEN), 1);
  } finally {
    await server.close();
  }
});

test('a token is refetched when it nears expiry', async () => {
  const { server, client } = await setup((req, nth) => (req.path === TOKEN ? tokenAnswer(nth, 1) : { ...OK, follow_user: [] }));
  try {
    await client.getFollowUserList();
    await client.getFollowUserList();
    assert.equal(server.count(TOKEN), 1);
    await new Promise((r) => setTimeout(r, 1000));
    await client.getFollowUserList();
    assert.equal(server.count(TOKEN), 2);
    assert.equal(server.seen.at(-1)!.query.get('access_token'), 'TOKEN-2');
  } finally {
    await server.close();
  }
});

test('42001 drops the token, refreshes once and repeats the call', async () => {
  const { server, client } = await setup(
    tokenThen((req) => (req.query.get('access_token') === 'TOKEN-1' ? { errcode: 42001, errmsg: 'access_token expired' } : { ...OK, follow_user: ['a'] })),
  );
  try {
    const res = await client.getFollowUserList();
    assert.deepEqual(res.follow_user, ['a']);
    assert.equal(server.count(TOKEN), 2);
    const api = server.requests('/cgi-bin/externalcontact/get_follow_user_list');
    assert.deepEqual(api.map((r) => r.query.get('access_token')), ['TOKEN-1', 'TOKEN-2']);
  } finally {
    await server.close();
  }
});

test('40014 twice: the second is thrown, no loop', async () => {
  const { server, client } = await setup(tokenThen(() => ({ errcode: 40014, errmsg: 'invalid access_token' })));
  try {
    await assert.rejects(client.getFollowUserList(), (e: unknown) => e instanceof WecomApiError && e.errcode === 40014 && e.kind === 'token_invalid');
    assert.equal(server.count(TOKEN), 2);
    assert.equal(server.count('/cgi-bin/externalcontact/get_follow_user_list'), 2);
  } finally {
    await server.close();
  }
});

test('40001 (invalid secret): exactly one gettoken, thrown, and not retried by later calls', async () => {
  const { server, client } = await setup((req) => (req.path === TOKEN ? { errcode: 40001, errmsg: 'invalid credential' } : OK));
  try {
    const isBadSecret = (e: unknown) => e instanceof WecomApiError && e.kind === 'invalid_secret' && e.api === TOKEN && /Secret/.test(e.hint);
    await assert.rejects(client.getFollowUserList(), isBadSecret);
    assert.equal(server.count(TOKEN), 1);
    await assert.rejects(Promise.all([client.getFollowUserList(), client.getAccessToken()]), isBadSecret);
    assert.equal(server.count(TOKEN), 1, 'the failure is remembered: no second wrong-secret call');
    assert.equal(server.seen.length, 1, 'no API call went out');
    client.tokenCache.invalidate('wwcorp', 'S3CRET');
    await assert.rejects(client.getFollowUserList(), isBadSecret);
    assert.equal(server.count(TOKEN), 2, 'invalidate() allows one new try');
  } finally {
    await server.close();
  }
});

test('45009 then ok: success after a backoff', async () => {
  const { server, client, calls } = await setup(tokenThen((_r, nth) => (nth === 1 ? { errcode: 45009, errmsg: 'api freq out of limit' } : { ...OK, follow_user: [] })));
  try {
    await client.getFollowUserList();
    assert.equal(server.count('/cgi-bin/externalcontact/get_follow_user_list'), 2);
    const api = calls.filter((c) => c.api !== TOKEN);
    assert.deepEqual(api.map((c) => [c.errcode, c.attempt]), [[45009, 1], [0, 2]]);
  } finally {
    await server.close();
  }
});

test('-1 three times then ok succeeds with attempts=4; four times fails with system_busy', async () => {
  const { server, client } = await setup(tokenThen((req, nth) => (req.query.get('userid') === 'always' || nth <= 3 ? { errcode: -1, errmsg: 'system busy' } : { ...OK, external_userid: ['wm1'] })), {
    retry: { attempts: 4, baseDelayMs: 2, maxDelayMs: 10 },
  });
  try {
    const res = await client.listExternalContacts('u1');
    assert.deepEqual(res.external_userid, ['wm1']);
    assert.equal(server.count('/cgi-bin/externalcontact/list'), 4);
    await assert.rejects(client.listExternalContacts('always'), (e: unknown) => e instanceof WecomApiError && e.kind === 'system_busy' && isRetryable(e));
    assert.equal(server.count('/cgi-bin/externalcontact/list'), 8);
  } finally {
    await server.close();
  }
});

test('45033 is retried too', async () => {
  const { server, client } = await setup(tokenThen((_r, nth) => (nth === 1 ? { errcode: 45033, errmsg: 'concurrent' } : { ...OK, follow_user: [] })));
  try {
    await client.getFollowUserList();
    assert.equal(server.count('/cgi-bin/externalcontact/get_follow_user_list'), 2);
  } finally {
    await server.close();
  }
});

test('40096 is thrown at once, typed, without retry', async () => {
  const { server, client } = await setup(tokenThen(() => ({ errcode: 40096, errmsg: 'invalid external userid' })));
  try {
    await assert.rejects(client.getExternalContact('wmBAD'), (e: unknown) => {
      assert.ok(e instanceof WecomApiError);
      assert.equal(e.kind, 'invalid_external_userid');
      assert.equal(e.errcode, 40096);
      assert.equal(e.api, GET);
      assert.equal(isRetryable(e), false);
      return true;
    });
    assert.equal(server.count(GET), 1);
  } finally {
    await server.close();
  }
});

test('a cut connection is retried', async () => {
  const { server, client, calls } = await setup(tokenThen((_r, nth) => (nth === 1 ? { $destroy: true } : { ...OK, external_contact: { external_userid: 'wm1' }, follow_user: [] })));
  try {
    const res = await client.getExternalContact('wm1');
    assert.equal(res.external_contact.external_userid, 'wm1');
    assert.equal(server.count(GET), 2);
    assert.deepEqual(calls.filter((c) => c.api === GET).map((c) => c.errcode), [null, 0]);
  } finally {
    await server.close();
  }
});

test('a create cut off mid-flight is not sent again (it may have been applied); WeCom busy answers still are', async () => {
  const WAY = '/cgi-bin/externalcontact/add_contact_way';
  const { server, client } = await setup(tokenThen((req, nth) => (req.path === WAY && nth === 1 ? { $destroy: true } : { ...OK, config_id: 'c1' })));
  try {
    await assert.rejects(client.addContactWay({ type: 1, scene: 2, user: ['u1'] }), (e: unknown) => e instanceof WecomNetworkError);
    assert.equal(server.count(WAY), 1, 'no second add_contact_way after a cut connection');
  } finally {
    await server.close();
  }
  const busy = await setup(tokenThen((req, nth) => (req.path === WAY && nth === 1 ? { errcode: -1, errmsg: 'system busy' } : { ...OK, config_id: 'c2' })));
  try {
    assert.equal((await busy.client.addContactWay({ type: 1, scene: 2, user: ['u1'] })).config_id, 'c2');
    assert.equal(busy.server.count(WAY), 2, '-1 means WeCom did nothing: retried');
  } finally {
    await busy.server.close();
  }
});

test('5xx and timeouts are retried; a 404 is not; network errors are typed after the last attempt', async () => {
  const { server, client } = await setup(
    tokenThen((req, nth) => {
      if (req.path === '/cgi-bin/user/get') return { $status: 404 };
      if (req.path === '/cgi-bin/department/list') return { $destroy: true };
      if (nth === 1) return { $status: 502, $body: 'Bad Gateway' };
      if (nth === 2) return { $delayMs: 500, then: OK };
      return { ...OK, follow_user: [] };
    }),
    { timeoutMs: 150, retry: { attempts: 3, baseDelayMs: 2, maxDelayMs: 5 } },
  );
  try {
    await client.getFollowUserList();
    assert.equal(server.count('/cgi-bin/externalcontact/get_follow_user_list'), 3);
    await assert.rejects(client.getUser('nobody'), (e: unknown) => e instanceof WecomNetworkError && e.status === 404 && !isRetryable(e));
    assert.equal(server.count('/cgi-bin/user/get'), 1);
    await assert.rejects(client.listDepartments(), (e: unknown) => e instanceof WecomNetworkError && e.reason === 'network');
    assert.equal(server.count('/cgi-bin/department/list'), 3);
  } finally {
    await server.close();
  }
});

test('rate limit: with perMinute=5 the sixth call waits for the window, then goes', async () => {
  const path = '/cgi-bin/externalcontact/get_follow_user_list';
  // The server holds its answers until it has six requests or 300 ms pass, so without a client
  // limit all six would be in before any answer; with it, the sixth cannot arrive in this window.
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  setTimeout(() => release(), 300);
  const { server, client } = await setup(
    tokenThen(async (_r, nth) => {
      if (nth >= 6) release();
      await gate;
      return { ...OK, follow_user: [] };
    }),
    { rateLimit: { perMinute: 5, minuteMs: 2000 }, timeoutMs: 5000 },
  );
  try {
    const done: number[] = [];
    const calls = Array.from({ length: 6 }, (_, i) => client.getFollowUserList().then(() => done.push(i)));
    await Promise.all(calls.slice(0, 5));
    assert.equal(server.count(path), 5, 'only five went out in the first window');
    assert.deepEqual([...done].sort(), [0, 1, 2, 3, 4], 'the sixth is still waiting');
    await calls[5];
    assert.equal(server.count(path), 6);
    assert.deepEqual(done, [...done.slice(0, 5), 5], 'the sixth finished last');
  } finally {
    await server.close();
  }
});

test('rate limit: a wait longer than the timeout fails at once with a typed error; other APIs are not held up', async () => {
  const { server, client } = await setup(tokenThen(() => ({ ...OK, follow_user: [], external_userid: [] })), {
    rateLimit: { perMinute: 100, perHour: 1 },
    timeoutMs: 300,
  });
  try {
    await client.getFollowUserList();
    const started = Date.now();
    await assert.rejects(client.getFollowUserList(), (e: unknown) => e instanceof WecomRateLimitError && e.reason === 'wait_exceeds_timeout');
    assert.ok(Date.now() - started < 250, 'it did not sit out its budget');
    await client.listExternalContacts('u1'); // another path has its own bucket
    assert.equal(server.count('/cgi-bin/externalcontact/get_follow_user_list'), 1);
  } finally {
    await server.close();
  }
});

test('rate limit: the queue is bounded', async () => {
  const { server, client } = await setup(tokenThen(() => ({ ...OK, follow_user: [] })), {
    rateLimit: { perMinute: 1, minuteMs: 300, maxQueue: 2 },
  });
  try {
    await client.getFollowUserList(); // spends the window: everything after this has to queue
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => client.getFollowUserList()));
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'rejected', 'rejected']);
    for (const r of results.slice(2) as PromiseRejectedResult[]) {
      assert.ok(r.reason instanceof WecomRateLimitError && r.reason.reason === 'queue_full');
    }
    assert.equal(server.count('/cgi-bin/externalcontact/get_follow_user_list'), 3);
  } finally {
    await server.close();
  }
});

test('call() reaches endpoints that are not wrapped yet', async () => {
  const { server, client } = await setup(tokenThen(() => ({ ...OK, strategy: [{ strategy_id: 1 }] })));
  try {
    const res = await client.call<{ strategy: { strategy_id: number }[] }>('POST', '/cgi-bin/externalcontact/customer_strategy/list', { body: { limit: 10 }, query: { debug: 1 } });
    assert.equal(res.strategy[0].strategy_id, 1);
    const [req] = server.requests('/cgi-bin/externalcontact/customer_strategy/list');
    assert.equal(req.query.get('debug'), '1');
    assert.equal(req.query.get('access_token'), 'TOKEN-1');
    assert.deepEqual(req.json, { limit: 10 });
  } finally {
    await server.close();
  }
});
