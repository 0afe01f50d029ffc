// Binding an order to a WeCom friend, by a staff member or by the customer on an H5 page, with
// consent recorded. The order's buyer becomes the friend: their identity is added to the friend's
// customer, and if the buyer was already a separate customer the two are merged (undoable).
import type { BindingInput, BindingResult } from '@siyu/contracts';
import type { Deps } from '../deps.ts';
import { AppError, audit, emit, takeAttempt, type Limit } from '../core/index.ts';
import type { Actor } from '../modules/tenancy/index.ts';
import { visibleCustomer, addCustomerIdentity } from '../modules/customers/index.ts';
import { orderForBinding, attachBuyerOrders, recordBinding, countCustomerOrders, readH5Token, checkH5Token, type Platform } from '../modules/commerce/index.ts';
import { mergeCustomers } from './merge-customers.flow.ts';

type Who = { source: 'staff'; actor: Actor } | { source: 'h5' };

export async function bindOrder(deps: Deps, tenantId: string, who: Who, input: { orderNo: string; platform?: Platform; customerId: string; note?: string }): Promise<BindingResult> {
  const order = await orderForBinding(deps, tenantId, input.orderNo, input.platform);
  const friendId = input.customerId;
  const result = await deps.db.transaction().execute(async (trx) => {
    const d = { ...deps, db: trx };
    let mergeId: string | null = null;
    let merged: string | null = null;
    if (order.customerId && order.customerId !== friendId) {
      mergeId = await mergeCustomers(d, tenantId, friendId, order.customerId, `绑定订单 ${order.orderNo}`, who.source === 'staff' ? who.actor.staffId : null);
      merged = order.customerId;
    } else if (!order.customerId) {
      await attachBuyerOrders(d, tenantId, order, friendId);
      if (order.buyerKey) await addCustomerIdentity(d, tenantId, friendId, 'platform_buyer', `${order.shopId}:${order.buyerKey}`);
    }
    const bindingId = await recordBinding(d, tenantId, { orderId: order.id, customerId: friendId, source: who.source, staffId: who.source === 'staff' ? who.actor.staffId : null, note: input.note });
    await emit(trx, tenantId, [{ type: 'order.bound', aggregateType: 'customer', aggregateId: friendId, actorId: who.source === 'staff' ? who.actor.staffId : null, payload: { orderNo: order.orderNo, platform: order.platform, source: who.source, mergedCustomerId: merged } }]);
    return { bindingId, mergeId, merged };
  });
  await audit(deps.db, { tenantId, actorId: who.source === 'staff' ? who.actor.staffId : null, action: 'order.bind', targetType: 'customer', targetId: friendId, detail: { orderNo: order.orderNo, source: who.source, consent: true } });
  return { bindingId: result.bindingId, customerId: friendId, mergedCustomerId: result.merged, mergeId: result.mergeId, orders: await countCustomerOrders(deps, tenantId, friendId) };
}

export async function bindOrderAsStaff(deps: Deps, actor: Actor, input: BindingInput): Promise<BindingResult> {
  await visibleCustomer(deps, actor, input.customerId);
  return bindOrder(deps, actor.tenantId, { source: 'staff', actor }, input);
}

// Guessing order numbers through an H5 link is limited per link, across all processes.
const H5_ATTEMPTS: Limit = { name: 'h5-bind', points: 10, seconds: 3600 };

export async function bindOrderFromH5(deps: Deps, input: { token: string; orderNo: string }): Promise<{ ok: true; orders: number }> {
  const { tenantId, customerId } = readH5Token(deps, input.token);
  if (!(await takeAttempt(deps.pool, H5_ATTEMPTS, input.token))) throw new AppError('RATE_LIMITED', '尝试次数过多，请一小时后再试或联系客服');
  const r = await bindOrder(deps, tenantId, { source: 'h5' }, { orderNo: input.orderNo, customerId });
  return { ok: true, orders: r.orders };
}

// The H5 page asks whether its link is good before showing the form. The answer is one of three
// words and nothing about whose link it is. Counted per address, not per link: opening the page
// must not use up the link's bind attempts above, and the signature cannot be guessed anyway, so
// this only keeps one address from making the server check (and count in PostgreSQL) endlessly.
// Generous, since many customers on a mobile network can share one address.
const H5_LINK_CHECKS: Limit = { name: 'h5-link-check', points: 120, seconds: 60 };

export async function h5LinkStatus(deps: Deps, token: string, ip: string): Promise<'valid' | 'invalid' | 'expired'> {
  if (!(await takeAttempt(deps.pool, H5_LINK_CHECKS, ip))) throw new AppError('RATE_LIMITED', '请求过于频繁，请稍后再试');
  return checkH5Token(deps, token).status;
}
