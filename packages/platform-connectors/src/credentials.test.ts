// The console's shop form asks for exactly the credential keys the connectors read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PLATFORM_CREDENTIALS } from '@siyu/contracts';
import { CONNECTOR_CREDENTIALS } from './registry.ts';

test('connector credential keys and labels are the ones the console asks for', () => {
  assert.deepEqual(CONNECTOR_CREDENTIALS, PLATFORM_CREDENTIALS);
});
