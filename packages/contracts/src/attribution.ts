// Order attribution (issue 11, item 6): what each channel, code/batch and staff member brought,
// per model — last touch, first touch (both within the tenant's window) and linear multi-touch —
// and the orders fed back to Tmall/Taobao (反哺). Amounts are in fen.
import { z } from 'zod';
import { msg } from './messages.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, msg('日期格式应为 YYYY-MM-DD', 'Dates look like YYYY-MM-DD'));

export const AttributionBy = z.enum(['channel_kind', 'channel', 'staff']);
export type AttributionBy = z.infer<typeof AttributionBy>;

export const AttributionQuery = z.object({
  by: AttributionBy.default('channel'),
  /** Orders placed from `from` to `to`, both included, as Asia/Shanghai days. */
  from: day,
  to: day,
});
export type AttributionQuery = z.input<typeof AttributionQuery>;

const Models = z.object({ last: z.number(), first: z.number(), linear: z.number() });

export const AttributionFigures = z.object({
  /** Orders credited: whole orders for last and first touch; shares (1/n per touch) for linear. */
  orders: Models,
  gmvFen: Models,
  /** 反哺: Tmall/Taobao orders, credited by last touch. */
  feedback: z.object({ orders: z.number().int(), gmvFen: z.number().int() }),
});

export const AttributionRow = AttributionFigures.extend({
  /** live_code, card_batch, contact_state, group_code, group, direct, or a later kind (broadcast…). */
  channelKind: z.string().nullable(),
  /** The code's or batch's id (a state or chat id for the WeCom-only kinds); null when grouped by kind or staff. */
  channelId: z.string().nullable(),
  /** A name when one is known here: the staff member's, or the WeCom contact way's for a state. */
  name: z.string().nullable(),
  staffId: z.string().nullable(),
});
export type AttributionRow = z.infer<typeof AttributionRow>;

export const AttributionSummary = z.object({
  by: AttributionBy,
  windowDays: z.number().int(),
  rows: z.array(AttributionRow),
  /** Over the rows shown (the caller's data scope). */
  total: AttributionFigures,
});
export type AttributionSummary = z.infer<typeof AttributionSummary>;

export const AttributionSettings = z.object({
  windowDays: z.number().int().min(1, msg('归因窗口至少 1 天', 'The window is at least 1 day')).max(365, msg('归因窗口最多 365 天', 'The window is at most 365 days')),
});
export type AttributionSettings = z.infer<typeof AttributionSettings>;
