// @siyu/simulator — a WeCom server of our own for tests and the demo: WeCom's paths, fields,
// errcodes and quotas under /cgi-bin, real encrypted callbacks, and a scenario API under /sim.
export { startSimulator } from './server.ts';
export type { StartOptions, RunningSimulator } from './server.ts';
export { createSimControl, SimControlError } from './control.ts';
export type {
  SimControl, CorpInput, CallbackInput, DepartmentInput, MemberInput, WechatUserInput, FriendResult, AddFriendInput, RelationInput,
  GroupInput, JoinInput, LeaveInput, GroupResult, CallbackLogEntry, Snapshot, BulkInput, BulkResult, BulkContact, BulkFollow,
  BulkTagGroup, BulkGroup, BulkGroupMember, PopulationInput,
} from './control.ts';
export type { SimLimits } from './limits.ts';
export { defaultLimits } from './limits.ts';
export type { Fault, FaultInput } from './faults.ts';
export type { ConfirmResult } from './mass-send.ts';
export type { ChatMessage, CallbackStatus } from './state.ts';
export type {
  PlatformControl, PlatformShopInput, PlatformBuyerInput, PlatformItemInput, PlatformOrderInput, PlatformOrderChange, PlatformOrderView,
  PlatformPopulationInput, PlatformShopSummary, PlatformTriggerInput, PlatformFaultInput,
} from './platforms/control.ts';
export { PLATFORM_PREFIXES, TONIC_PRODUCTS } from './platforms/index.ts';
export type { PlatformName, PlatformOrderStatus, PlatformOrderRefund } from './platforms/index.ts';
