// A call list's outcomes as an Excel file: phones masked as everywhere, the download audited (it
// names customers and what they said). Rows are the tasks the downloader may see.
import ExcelJS from 'exceljs';
import type { Deps } from '../../deps.ts';
import { audit } from '../../core/index.ts';
import { requireRole, staffNames, type Actor } from '../tenancy/index.ts';
import { shopNamesOf } from '../commerce/index.ts';
import { acquisitionDb } from './acquisition.tables.ts';
import * as repo from './call-lists.repo.ts';
import { visibleList } from './call-lists.service.ts';

const OUTCOME: Record<string, string> = { reached: '已接通', added: '已加企微', refused: '拒绝', wrong_number: '空号/错号', callback: '稍后回拨' };
const STATUS: Record<string, string> = { pending: '待拨打', callback: '待回拨', done: '已完成' };
/** Times as operators read them: Asia/Shanghai wall time. */
const at = (d: Date | string | null) => (d ? new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

export async function callListXlsx(deps: Deps, actor: Actor, id: string, ip: string | null): Promise<{ name: string; body: Buffer }> {
  requireRole(actor, 'operator_lead');
  const { list, scope } = await visibleList(deps, actor, id);
  const tasks = await repo.tasksOfList(acquisitionDb(deps.db), actor.tenantId, id, scope);
  const [staff, shops] = await Promise.all([staffNames(deps, actor.tenantId), shopNamesOf(deps, actor.tenantId)]);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('回访结果');
  ws.columns = [
    { header: '序号', key: 'seq', width: 8 }, { header: '客户', key: 'name', width: 14 }, { header: '手机号', key: 'phone', width: 15 },
    { header: '店铺', key: 'shop', width: 16 }, { header: '订单号', key: 'orderNo', width: 22 }, { header: '商品', key: 'titles', width: 36 },
    { header: '下单时间', key: 'orderedAt', width: 17 }, { header: '负责员工', key: 'staff', width: 12 }, { header: '状态', key: 'status', width: 10 },
    { header: '结果', key: 'outcome', width: 12 }, { header: '备注', key: 'note', width: 30 }, { header: '回拨时间', key: 'callbackAt', width: 17 },
    { header: '记录时间', key: 'outcomeAt', width: 17 }, { header: '拨打次数', key: 'attempts', width: 9 },
    { header: '加好友时间', key: 'friendAt', width: 17 }, { header: '已关联好友', key: 'linked', width: 10 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const t of tasks) {
    const o = t.order_summary;
    ws.addRow({
      seq: t.seq, name: t.customer_name, phone: t.phone_masked, shop: shops.get(o.shopId) ?? '', orderNo: o.orderNo, titles: o.titles,
      orderedAt: at(o.createdAt), staff: staff.get(t.staff_id) ?? '', status: STATUS[t.status], outcome: t.outcome ? OUTCOME[t.outcome] : '',
      note: t.note ?? '', callbackAt: at(t.callback_at), outcomeAt: at(t.outcome_at), attempts: t.attempts, friendAt: at(t.friend_at), linked: t.linked_at ? '是' : '',
    });
  }
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  await audit(deps.db, { tenantId: actor.tenantId, actorId: actor.staffId, action: 'call_list.export', targetType: 'call_list', targetId: id, detail: { rows: tasks.length }, ip });
  return { name: `回访结果-${list.name}.xlsx`, body };
}
