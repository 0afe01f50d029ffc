// Security headers on every surface (console, API, Swagger), checked where they matter: the
// console and /api/docs really work under the CSP in Chromium with no violation reported; the
// console cannot be framed; a client's X-Forwarded-For is not believed unless its proxy is named.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, logInAs } from './helpers/browser.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { buildWorld, PASSWORD } from './helpers/world.ts';
import { ensureConsoleBuilt, consoleDist } from '../src/console-build.ts';

let srv: TestServer;
let browser: Browser;

before(async () => {
  await ensureConsoleBuilt(() => undefined);
  srv = await startTestServer({ consoleDir: consoleDist });
  await buildWorld(srv.deps);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await srv?.close();
});

/** A page that records every CSP violation and every console error the browser reports. */
async function watchedPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  await page.addInitScript({
    content: "document.addEventListener('securitypolicyviolation', (e) => console.error('Refused to load (CSP) ' + e.violatedDirective + ' ' + e.blockedURI));",
  });
  return { page, problems };
}

test('the console, the API and /api/docs carry the security headers', async () => {
  for (const p of ['/', '/customers', '/healthz', '/api/docs', '/api/openapi.json', '/api/customers']) {
    const res = await fetch(srv.url + p);
    const h = res.headers;
    const csp = h.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/, `${p}: CSP`);
    assert.match(csp, /frame-ancestors 'none'/, `${p}: frame-ancestors`);
    assert.doesNotMatch(csp, /upgrade-insecure-requests/, `${p}: a plain-http install must not upgrade its own assets`);
    assert.equal(h.get('x-frame-options'), 'DENY', `${p}: X-Frame-Options`);
    assert.equal(h.get('x-content-type-options'), 'nosniff', `${p}: nosniff`);
    assert.equal(h.get('referrer-policy'), 'same-origin', `${p}: Referrer-Policy`);
  }
});

test('HEAD / answers like GET /', async () => {
  const res = await fetch(srv.url + '/', { method: 'HEAD' });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/html/);
});

test('the console logs in and renders under the CSP with no violation', { timeout: 120_000 }, async () => {
  const { page, problems } = await watchedPage();
  await logInAs(page, srv.url, 'boss@alpha', PASSWORD);
  await page.goto(`${srv.url}/customers`);
  await page.getByTestId('customer-row').first().waitFor();
  await page.goto(`${srv.url}/`);
  await page.locator('canvas').first().waitFor(); // the overview's ECharts draw
  assert.deepEqual(problems, []);
  await page.close();
});

test('Swagger UI loads its spec and renders the operations under the CSP', { timeout: 60_000 }, async () => {
  const { page, problems } = await watchedPage();
  await page.goto(`${srv.url}/api/docs`);
  await page.locator('.opblock').first().waitFor();
  assert.ok(await page.locator('.opblock').count() > 10, 'the operations are listed');
  assert.deepEqual(problems, []);
  await page.close();
});

test('another site cannot frame the console', { timeout: 60_000 }, async () => {
  const { page } = await watchedPage();
  const framed: string[] = [];
  page.on('console', (m) => framed.push(m.text()));
  await page.setContent(`<iframe id="f" src="${srv.url}/login"></iframe>`);
  await page.waitForTimeout(1500);
  const frame = page.frames().find((f) => f.url().startsWith(srv.url));
  const rendered = frame ? await frame.locator('[data-testid="login-account"]').count().catch(() => 0) : 0;
  assert.equal(rendered, 0, 'the login form must not render inside a frame');
  await page.close();
});

test("a client's X-Forwarded-For is not stored as its address", async () => {
  const res = await fetch(`${srv.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '6.6.6.6' },
    body: JSON.stringify({ account: 'boss@alpha', password: PASSWORD }),
  });
  assert.equal(res.status, 200);
  const { rows } = await sql<{ ip: string | null }>`select ip from sessions order by created_at desc limit 1`.execute(srv.deps.db);
  assert.notEqual(rows[0].ip, '6.6.6.6');
  assert.match(rows[0].ip ?? '', /127\.0\.0\.1|::1/);
});

test('behind a named proxy, its X-Forwarded-For is believed', async () => {
  const proxied = await startTestServer({ config: { trustProxy: '127.0.0.1,::1' } });
  try {
    await buildWorld(proxied.deps);
    const res = await fetch(`${proxied.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
      body: JSON.stringify({ account: 'boss@alpha', password: PASSWORD }),
    });
    assert.equal(res.status, 200);
    const { rows } = await sql<{ ip: string | null }>`select ip from sessions order by created_at desc limit 1`.execute(proxied.deps.db);
    assert.equal(rows[0].ip, '203.0.113.9');
  } finally {
    await proxied.close();
  }
});
