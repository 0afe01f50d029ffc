// Call lists for COD buyers (电话回访, 二类电商): buyers from imported orders are phoned by staff
// with a script and asked to add WeCom. Phones are masked everywhere; a full number is revealed
// per task, to the staff member it is assigned to, and each reveal is audited.
import { z } from 'zod';
import { msg } from './messages.ts';
import { OrderStatus } from './commerce.ts';

export const CallOutcome = z.enum(['reached', 'added', 'refused', 'wrong_number', 'callback']);
export type CallOutcome = z.infer<typeof CallOutcome>;
/** pending: not called yet; callback: to be called again at `callbackAt`; done: a final outcome. */
export const CallTaskStatus = z.enum(['pending', 'callback', 'done']);
export type CallTaskStatus = z.infer<typeof CallTaskStatus>;
export const AssignMode = z.enum(['round_robin', 'weight']);
export type AssignMode = z.infer<typeof AssignMode>;

/** The script's variables, filled per task. */
export const SCRIPT_VARIABLES = ['{客户姓名}', '{商品名}', '{订单号}', '{下单日期}', '{员工姓名}'] as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, msg('日期格式应为 YYYY-MM-DD', 'Dates look like YYYY-MM-DD'));

export const CallListInput = z.object({
  name: z.string().trim().min(1, msg('请填写名单名称', 'Enter a name')).max(60, msg('名单名称最多 60 个字', 'A name has at most 60 characters')),
  shopIds: z.array(z.string()).min(1, msg('请至少选择一个店铺', 'Choose at least one shop')).max(50),
  /** Order date (下单时间) from and to, both included, as Asia/Shanghai days. */
  from: day,
  to: day,
  statuses: z.array(OrderStatus).min(1, msg('请至少选择一个订单状态', 'Choose at least one order status')),
  script: z.string().max(2000, msg('话术最多 2000 个字', 'A script has at most 2,000 characters')).default(''),
  assignMode: AssignMode.default('round_robin'),
  staff: z.array(z.object({ staffId: z.string(), weight: z.number().int().min(1).max(100).default(1) }))
    .min(1, msg('请至少选择一位员工', 'Choose at least one staff member')).max(200),
});
export type CallListInput = z.input<typeof CallListInput>;

export const OutcomeCounts = z.object({
  total: z.number().int(), pending: z.number().int(), due: z.number().int(),
  reached: z.number().int(), added: z.number().int(), refused: z.number().int(), wrong_number: z.number().int(), callback: z.number().int(),
  linked: z.number().int(), // "added" outcomes whose friend has arrived
});
export type OutcomeCounts = z.infer<typeof OutcomeCounts>;

export const CallList = z.object({
  id: z.string(), name: z.string(), shopIds: z.array(z.string()), shopNames: z.array(z.string()),
  from: z.string(), to: z.string(), statuses: z.array(OrderStatus), script: z.string(), assignMode: AssignMode,
  staff: z.array(z.object({ staffId: z.string(), name: z.string(), weight: z.number().int() })),
  status: z.enum(['open', 'closed']), createdBy: z.string().nullable(), createdAt: z.string(),
  /** Buyers left out when the list was built. */
  skipped: z.object({ friends: z.number().int(), inOtherList: z.number().int(), noPhone: z.number().int() }),
  counts: OutcomeCounts, // over the tasks the viewer may see
});
export type CallList = z.infer<typeof CallList>;

export const CallTask = z.object({
  id: z.string(), listId: z.string(), listName: z.string(), customerId: z.string(), customerName: z.string(),
  phoneMasked: z.string(), staffId: z.string(), staffName: z.string(),
  order: z.object({ orderNo: z.string(), titles: z.string(), createdAt: z.string().nullable(), paidFen: z.number().nullable(), shopName: z.string(), orders: z.number().int() }),
  script: z.string(), // with its variables filled
  status: CallTaskStatus, outcome: CallOutcome.nullable(), note: z.string().nullable(),
  callbackAt: z.string().nullable(), outcomeAt: z.string().nullable(), attempts: z.number().int(), reveals: z.number().int(),
  friendAt: z.string().nullable(), friendStaffName: z.string().nullable(), linkedAt: z.string().nullable(),
});
export type CallTask = z.infer<typeof CallTask>;

export const CallTaskQuery = z.object({
  /** due: to call now (pending, or a call-back whose time has come); scheduled: call-backs still ahead; done; all. */
  view: z.enum(['due', 'scheduled', 'done', 'all']).default('due'),
  listId: z.string().optional(),
  /** Leads: one staff member's tasks (within their scope); staff always see their own. */
  staffId: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type CallTaskQuery = z.input<typeof CallTaskQuery>;
export const CallTaskPage = z.object({ items: z.array(CallTask), total: z.number().int() });
export type CallTaskPage = z.infer<typeof CallTaskPage>;

export const CallOutcomeInput = z.object({
  outcome: CallOutcome,
  note: z.string().max(500, msg('备注最多 500 个字', 'A note has at most 500 characters')).optional(),
  /** Required for "callback": when the task comes back. */
  callbackAt: z.string().datetime({ offset: true, message: msg('回拨时间格式无效', 'Invalid call-back time') }).optional(),
});
export type CallOutcomeInput = z.infer<typeof CallOutcomeInput>;

export const CallStaffStats = z.array(OutcomeCounts.extend({ staffId: z.string(), name: z.string() }));
export type CallStaffStats = z.infer<typeof CallStaffStats>;
