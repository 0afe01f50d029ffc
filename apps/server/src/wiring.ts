// Which consumers and jobs run in a worker process: each module contributes through its index.
import type { Deps } from './deps.ts';
import type { Consumer, JobSpec } from './core/index.ts';
import { timelineConsumer, tagTokensConsumer } from './modules/customers/index.ts';
import { pruneSessions } from './modules/tenancy/index.ts';

export const consumers: Consumer[] = [timelineConsumer, tagTokensConsumer];

export function jobSpec(deps: Deps): JobSpec {
  return {
    tasks: {
      'tenancy.prune-sessions': async () => {
        await pruneSessions(deps);
      },
    },
    crontab: [{ task: 'tenancy.prune-sessions', match: '17 * * * *', identifier: 'prune-sessions' }],
  };
}
