// The architecture's rules as a test (docs/architecture.md, "Layers"): dependency-cruiser checks
// every import of apps/ and packages/ against .dependency-cruiser.cjs — no cycles, nothing points
// up the layers, another module only through its door, the simulator only by dynamic import — and
// two rules an import graph cannot see: whose tables a module may name, and where SQL is built.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const src = path.join(root, 'apps/server/src');

async function violations(targets: string[]) {
  const rules = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs'));
  const cwd = process.cwd();
  process.chdir(root); // the rules' paths are relative to the repo root
  try {
    const res = await cruise(targets, { ...rules.options, ruleSet: { forbidden: rules.forbidden }, validate: true, outputType: 'json' });
    const out = typeof res.output === 'string' ? JSON.parse(res.output) : res.output;
    return (out.summary.violations as { rule: { name: string }; from: string; to: string; cycle?: { name: string }[] }[])
      .map((v) => `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (${v.cycle.map((c) => c.name).join(' → ')})` : ''}`);
  } finally {
    process.chdir(cwd);
  }
}

function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}
const rel = (f: string) => path.relative(src, f);

test('imports: no cycle, nothing points up the layers, modules through their doors', async () => {
  assert.deepEqual(await violations(['apps', 'packages']), []);
});

test('the rules catch what they forbid (a cycle, an upward import, a deep import)', async () => {
  const dir = path.join(src, 'modules', `zz-arch-probe-${process.pid}`);
  fs.mkdirSync(dir);
  try {
    fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b.ts';\nimport '../../http/app.ts';\nimport '../customers/customers.repo.ts';\nexport const a = () => b;\n");
    fs.writeFileSync(path.join(dir, 'b.ts'), "import { a } from './a.ts';\nexport const b = () => a;\n");
    const found = await violations([path.relative(root, dir)]);
    for (const rule of ['no-cycles', 'modules-import-no-shell', 'module-door-only']) {
      assert.ok(found.some((v) => v.startsWith(rule)), `${rule} not caught: ${found.join('; ')}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a module names only its own tables (insight, read-only, may name others')", () => {
  const problems: string[] = [];
  for (const file of sources(path.join(src, 'modules'))) {
    const own = rel(file).split(path.sep)[1];
    if (own === 'insight') continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+['"]\.\.\/([^/]+)\/index\.ts['"]/g)) {
      if (m[2] !== own && /\b\w+(Tables|Table|Db)\b/.test(m[1])) problems.push(`${rel(file)} imports ${m[1].trim()} of ${m[2]}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('queries are built in repos on a module-typed view, never on the untyped deps.db', () => {
  const problems: string[] = [];
  for (const file of sources(src)) {
    const r = rel(file);
    if (!/^(modules|flows)\//.test(r)) continue;
    const text = fs.readFileSync(file, 'utf8');
    if (/deps\.db\s*\.\s*(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|with|withRecursive)\b/.test(text)) problems.push(`${r}: builds a query on deps.db`);
    if (/\bviewOf\s*</.test(text) && !/\.tables\.ts$/.test(r) && !r.startsWith('modules/insight/')) problems.push(`${r}: takes a typed view outside its tables file`);
  }
  assert.deepEqual(problems, []);
});
