// A friend who came through a channel live code (渠道活码): the welcome goes out first, before
// anything else is read, because WeCom's welcome code lives 20 s; then, in the callback's
// transaction, the add is counted for the staff member and day, the code's auto tags applied
// and `acquisition.code_added` recorded; after it, the code's user list is re-checked (caps).
import type { WecomClient } from '@siyu/wecom';
import type { Deps } from '../deps.ts';
import { recordCodeAdd, sendLiveCodeWelcome, kickRotation } from '../modules/acquisition/index.ts';
import { assignTags } from '../modules/tagging/index.ts';
import { channelStore } from '../modules/channel/index.ts';

export type LiveCodeArrival = { state: string; userid: string; externalUserId: string; welcomeCode: string | null; at: Date };

/** Before the transaction: the welcome (recorded on its own). null: the state is no live code's. */
export async function welcomeLiveCodeFriend(deps: Deps, tenantId: string, client: WecomClient, a: LiveCodeArrival) {
  if (!a.state) return null;
  const welcome = await sendLiveCodeWelcome(deps, tenantId, client, { state: a.state, welcomeCode: a.welcomeCode, userid: a.userid, externalUserId: a.externalUserId });
  if (!welcome) return null;
  // After this callback commits (well under the delay), the code's user list follows the new count.
  await kickRotation(deps, tenantId, welcome.codeId).catch((err) => deps.log.warn({ err, tenantId }, 'could not queue live-code rotation; the minute job will'));
  return welcome;
}

/** Inside the callback's transaction, after the contact was recorded. */
export async function recordLiveCodeFriend(d: Deps, tenantId: string, a: LiveCodeArrival, staff: { id: string; name: string } | undefined) {
  const contact = await channelStore.findContact(d, tenantId, a.externalUserId);
  if (!contact) return;
  const add = await recordCodeAdd(d, tenantId, { state: a.state, userid: a.userid, staffId: staff?.id ?? null, externalUserId: a.externalUserId, customerId: contact.customer_id, at: a.at });
  if (!add?.isNew || add.tagIds.length === 0) return;
  // The code's creator stands as who tagged: a rule they set, applied by Siyu.
  await assignTags(d, { tenantId, staffId: add.createdBy, role: 'admin', departmentId: null, name: `渠道活码「${add.name}」` },
    contact.customer_id, { add: add.tagIds, remove: [], reason: `扫描渠道活码「${add.name}」添加` }, 'rule');
}
