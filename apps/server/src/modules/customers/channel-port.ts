// What the customers module asks of the WeCom channel, which sits above it (channel uses
// customers): answered in main.ts by the channel's door, so customers never reads channel tables.
import type { Deps } from '../../deps.ts';

export type ChannelPort = {
  /** The names operators gave channel states (渠道活码); a state no known way carries is absent. */
  stateNames: (deps: Deps, tenantId: string, states: string[]) => Promise<Map<string, string>>;
  /** The live code each customer first came through as a WeCom friend, with its name (null: not known). */
  sourceChannels: (deps: Deps, tenantId: string, customerIds: string[]) => Promise<Map<string, { state: string; name: string | null }>>;
};

/** Without WeCom (tests of customers alone): no channel names, no source channels. */
export const noChannels: ChannelPort = {
  stateNames: async () => new Map(),
  sourceChannels: async () => new Map(),
};
