// The chat record every simulated message lands in (welcome messages, mass-message sends, scenario
// chats): what the session-archive source will serve later. Bounded, oldest first out.
import type { Sim } from './sim-context.ts';
import type { ChatMessage, CorpState } from './state.ts';

export function recordChat(sim: Sim, corp: CorpState, msg: ChatMessage): void {
  corp.messages.push(msg);
  const excess = corp.messages.length - sim.limits.chatMessagesKept;
  if (excess > 0) corp.messages.splice(0, excess);
}
