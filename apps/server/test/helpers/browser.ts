// Debian's Chromium, driven by playwright-core the same way in every console test: a fresh
// profile, no sandbox (CI runs as root), and no background networking (the machine is offline).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  assert.ok(fs.existsSync(CHROMIUM), 'Chromium is needed at /usr/bin/chromium (apt-get install chromium fonts-noto-cjk)');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Logs in through the console's login page and waits until it has moved on. */
export async function logInAs(page: Page, base: string, account: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-account').fill(account);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}
