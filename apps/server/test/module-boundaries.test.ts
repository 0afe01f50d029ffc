// Architecture rule 1 as a lint: a module is entered only through its index.ts. Any import from
// outside a module folder into it must name `modules/<name>/index.ts`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');

function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

const moduleOf = (file: string) => {
  const rel = path.relative(path.join(src, 'modules'), file);
  return rel.startsWith('..') ? null : rel.split(path.sep)[0];
};

test('no deep imports into another module', () => {
  const problems: string[] = [];
  for (const file of sources(src)) {
    const from = moduleOf(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g)) {
      const target = path.resolve(path.dirname(file), m[1]);
      const to = moduleOf(target);
      if (!to || to === from) continue;
      // db/schema.ts gathers every module's table types: a type-only view of the whole database.
      if (target.endsWith('.tables.ts') && path.relative(src, file) === path.join('db', 'schema.ts')) continue;
      if (path.basename(target) !== 'index.ts') problems.push(`${path.relative(src, file)} → ${m[1]}`);
    }
  }
  assert.deepEqual(problems, []);
});
