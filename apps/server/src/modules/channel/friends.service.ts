// Which customers are WeCom friends now (an active relation with any staff member).
import type { Deps } from '../../deps.ts';
import { channelDb } from './channel.tables.ts';
import * as repo from './friends.repo.ts';

export type { Friendship } from './friends.repo.ts';
/** Takes only a handle, so a consumer can ask inside its own transaction (`{ db: trx }`). */
export const activeFriendships = (deps: Pick<Deps, 'db'>, tenantId: string, customerIds: string[]) => repo.activeFriendships(channelDb(deps.db), tenantId, customerIds);
