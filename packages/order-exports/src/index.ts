// @siyu/order-exports: the normalised order every source produces (records.ts) and, from a
// back-office export file, the parsers that produce it. Knows nothing of Siyu's database.
export { PLATFORMS, type Platform, type OrderStatus, type RefundState, type ItemRecord, type OrderRecord, type LooseItem, type RejectedRow } from './records.ts';
