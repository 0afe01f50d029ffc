// The real order exports live beside the repository (../shared/fixtures/orders), not in it. Found by
// walking up from here, so a clone anywhere next to `shared` works; SIYU_FIXTURES overrides.
// (The server's tests have the same walk in apps/server/test/helpers/fixtures.ts; this package
// imports nothing of the server.)
import fs from 'node:fs';
import path from 'node:path';

export function orderFixtures(): string {
  if (process.env.SIYU_FIXTURES) return process.env.SIYU_FIXTURES;
  for (let dir = import.meta.dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'fixtures', 'orders');
    if (fs.existsSync(candidate)) return candidate;
  }
  return '/work/shared/fixtures/orders';
}
