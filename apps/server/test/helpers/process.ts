// Runs the real `siyu` CLI as a child process, the way an operator would.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SIYU_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/siyu.mjs');

export type SiyuProcess = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

export function runSiyu(args: string[], env: Record<string, string>): SiyuProcess {
  const child = spawn(process.execPath, [SIYU_BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

/** Waits for the "Siyu 已启动：<url>" line and returns the URL. */
export async function waitForStart(p: SiyuProcess, ms = 60_000): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    // the banner ends with the docs line: wait for all of it, it may arrive in several chunks
    const m = /Siyu 已启动：(http:\/\/\S+)[\s\S]*API 文档：/.exec(p.output());
    if (m) return m[1];
    if (p.child.exitCode !== null || Date.now() > until) throw new Error(`siyu did not start:\n${p.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
