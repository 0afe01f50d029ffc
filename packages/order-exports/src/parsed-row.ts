// What reading an export yields, row by row: produced by parse-rows.ts, handed out by open-export.ts.
// Its own file so that neither of the two has to import the other for it.
import type { LooseItem, OrderRecord, RejectedRow } from './records.ts';

export type ParsedRow =
  | { kind: 'order'; order: OrderRecord }
  | { kind: 'item'; item: LooseItem } // taobao_items only
  | { kind: 'reject'; row: RejectedRow };
