// Validation messages read in the console's language: Chinese unless the request asks for English
// (the console sends its UI language as Accept-Language), never zod's raw English by default.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer, type Client } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';
import { requestLang } from '../src/http/validation-messages.ts';

const CJK = /[\u4e00-\u9fff]/;
const ZOD_ENGLISH = /Invalid input|Too small|Too big|expected string|received/;

let srv: TestServer;
let boss: Client;

before(async () => {
  srv = await startTestServer();
  await buildWorld(srv.deps);
  boss = await srv.login('boss@alpha', PASSWORD);
});
after(async () => srv?.close());

async function send(method: string, path: string, body: unknown, lang?: string) {
  const headers: Record<string, string> = { cookie: boss.cookie };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (lang) headers['accept-language'] = lang;
  const res = await fetch(srv.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { error: { code: string; message: string; details?: { issues?: { path: string; message: string }[] } } } };
}

test('a refused body is explained in Chinese by default', async () => {
  for (const body of [{ name: 12345 }, { name: '' }, { name: 'x'.repeat(65) }, {}]) {
    const r = await send('POST', '/api/customers', body);
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'VALIDATION_FAILED');
    assert.match(r.body.error.message, CJK, r.body.error.message);
    assert.doesNotMatch(r.body.error.message, ZOD_ENGLISH, r.body.error.message);
    for (const i of r.body.error.details!.issues!) assert.doesNotMatch(i.message, ZOD_ENGLISH, i.message);
  }
  const wrongType = await send('POST', '/api/customers', { name: 12345 });
  assert.equal(wrongType.body.error.message, '请求参数不正确：name 应为文本');
  const empty = await send('POST', '/api/customers', { name: '' });
  assert.equal(empty.body.error.message, '请求参数不正确：name 不能为空');
  // A message the schema wrote for people is shown as written.
  const phone = await send('POST', '/api/customers', { name: '张三', phone: '123' });
  assert.equal(phone.body.error.message, '请求参数不正确：手机号应为 11 位数字');
  // A query string is worded the same way.
  const query = await send('GET', '/api/customers?limit=abc', undefined);
  assert.equal(query.status, 400);
  assert.match(query.body.error.message, CJK);
  assert.doesNotMatch(query.body.error.message, ZOD_ENGLISH);
});

test('English when the request asks for it, including the schema’s own messages', async () => {
  const wrongType = await send('POST', '/api/customers', { name: 12345 }, 'en-US,en;q=0.9');
  assert.equal(wrongType.status, 400);
  assert.equal(wrongType.body.error.message, 'Invalid request: name: Should be text');
  assert.doesNotMatch(wrongType.body.error.message, CJK);
  const phone = await send('POST', '/api/customers', { name: 'Zhang', phone: '123' }, 'en');
  assert.equal(phone.body.error.message, 'Invalid request: A mobile number has 11 digits');
  const notJson = await fetch(`${srv.url}/api/customers`, { method: 'POST', headers: { cookie: boss.cookie, 'content-type': 'application/json', 'accept-language': 'en' }, body: '{"name":' });
  assert.equal(((await notJson.json()) as any).error.message, 'The request body is not valid JSON');
  // A public route, before any login: the H5 page's customers read it too.
  const h5 = await send('POST', '/api/h5/bind', { token: 'x', orderNo: '1', consent: false }, 'en');
  assert.equal(h5.status, 400);
  assert.doesNotMatch(h5.body.error.message, CJK);
  const h5zh = await send('POST', '/api/h5/bind', { token: 'x', orderNo: '1', consent: false });
  assert.match(h5zh.body.error.message, CJK);
});

test('Accept-Language: English only when preferred over Chinese', () => {
  const lang = (v?: string) => requestLang({ headers: v === undefined ? {} : { 'accept-language': v } });
  assert.equal(lang(), 'zh');
  assert.equal(lang('en'), 'en');
  assert.equal(lang('en-US,en;q=0.9'), 'en');
  assert.equal(lang('zh-CN,zh;q=0.9,en;q=0.8'), 'zh');
  assert.equal(lang('en;q=0.5,zh-CN;q=0.8'), 'zh');
  assert.equal(lang('fr-FR,en;q=0.7'), 'en');
  assert.equal(lang('fr-FR'), 'zh');
  assert.equal(lang('*'), 'zh');
});
