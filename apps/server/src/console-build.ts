// `npm start` serves the built console and rebuilds it when any source is newer than the build.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const consoleRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../console');
export const consoleDist = path.join(consoleRoot, 'dist');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function consoleIsStale(): boolean {
  const index = path.join(consoleDist, 'index.html');
  if (!fs.existsSync(index)) return true;
  const sources = Math.max(newestMtime(path.join(consoleRoot, 'src')), newestMtime(path.resolve(consoleRoot, '../../packages/contracts/src')));
  return sources > fs.statSync(index).mtimeMs;
}

export async function ensureConsoleBuilt(say: (m: string) => void): Promise<void> {
  if (!fs.existsSync(path.join(consoleRoot, 'package.json')) || !consoleIsStale()) return;
  say('正在构建控制台（首次启动或源码有更新）…');
  const vite = path.resolve(consoleRoot, '../../node_modules/vite/bin/vite.js');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: consoleRoot, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`控制台构建失败（exit ${code}）`))));
  });
}
