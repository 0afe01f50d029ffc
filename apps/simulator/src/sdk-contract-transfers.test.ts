// Contract, spec §7: in-service transfers (takeover after 24 h of sim time, ≤2 per customer per 90
// days: 40128 per customer), refusals, resigned transfers (40097 while still employed,
// get_unassigned_list paging) and group owner transfers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeErrcode } from '@siyu/wecom';
import { CORP, DAY, allPages, befriend, rejectsWith, startContract } from './sdk-contract-support.ts';

test('in-service transfer: waiting, takeover at 24 h with the state kept, at most 2 per 90 days (40128)', async (t) => {
  const { sim, client } = await startContract(t);
  const { ext } = await befriend(sim, 'zhangsan', { state: 'ch_live' });
  const move = (from: string, to: string) =>
    client.transferCustomer({ handover_userid: from, takeover_userid: to, external_userid: [ext], transfer_success_msg: '您好，我是新的专属顾问' });
  const result = (from: string, to: string) => client.transferResult({ handover_userid: from, takeover_userid: to });

  assert.deepEqual((await move('zhangsan', 'lisi')).customer, [{ external_userid: ext, errcode: 0 }]);
  assert.equal((await move('zhangsan', 'lisi')).customer[0].errcode, 40129, 'already transferring');
  assert.equal(describeErrcode(40129).kind, 'transfer_in_progress');
  const waiting = (await result('zhangsan', 'lisi')).customer;
  assert.deepEqual(waiting.map((c) => [c.external_userid, c.status]), [[ext, 2]]);

  await sim.control.advanceClock(DAY - 30);
  assert.equal((await result('zhangsan', 'lisi')).customer[0].status, 2, 'not before 24 h');
  assert.deepEqual((await client.getExternalContact(ext)).follow_user.map((f) => f.userid), ['zhangsan']);
  await sim.control.advanceClock(30);
  const done = (await result('zhangsan', 'lisi')).customer[0];
  assert.equal(done.status, 1);
  assert.equal(typeof done.takeover_time, 'number');
  const follow = (await client.getExternalContact(ext)).follow_user;
  assert.deepEqual(follow.map((f) => [f.userid, f.state]), [['lisi', 'ch_live']], 'the channel attribution moves with the customer');

  assert.equal((await move('lisi', 'zhangsan')).customer[0].errcode, 0, 'the second transfer in 90 days');
  await sim.control.advanceClock(DAY);
  const third = await move('zhangsan', 'lisi');
  assert.equal(third.errcode, 0, 'the call succeeds; the refusal is per customer');
  assert.deepEqual(third.customer, [{ external_userid: ext, errcode: 40128 }]);
  assert.equal(describeErrcode(third.customer[0].errcode).kind, 'transfer_too_frequent');
  await sim.control.advanceClock(88 * DAY + 1); // 90 days after the first transfer
  assert.equal((await move('zhangsan', 'lisi')).customer[0].errcode, 0, 'allowed again after 90 days');
});

test('transfer refusals and call errors: refused is status 3 and keeps the relation; 40130 same member; per-customer 40096/40131', async (t) => {
  const { sim, client } = await startContract(t, {}, ['zhangsan', 'lisi', 'wangwu']);
  const a = await befriend(sim, 'zhangsan');
  const b = await befriend(sim, 'wangwu');
  const r = await client.transferCustomer({ handover_userid: 'zhangsan', takeover_userid: 'lisi', external_userid: [a.ext, b.ext, 'wmNoSuchCustomer000000000000000'] });
  assert.deepEqual(r.customer.map((c) => c.errcode), [0, 40131, 40096]);
  await sim.control.refuseTransfer(CORP, { external_userid: a.ext });
  await sim.control.advanceClock(2 * DAY);
  assert.equal((await client.transferResult({ handover_userid: 'zhangsan', takeover_userid: 'lisi' })).customer[0].status, 3);
  assert.deepEqual((await client.getExternalContact(a.ext)).follow_user.map((f) => f.userid), ['zhangsan']);

  await rejectsWith(client.transferCustomer({ handover_userid: 'zhangsan', takeover_userid: 'zhangsan', external_userid: [a.ext] }), 40130, 'transfer_same_user');
  await rejectsWith(client.transferCustomer({ handover_userid: 'zhangsan', takeover_userid: 'lisi', external_userid: [] }), 40058, 'invalid_param');
  const tooMany = Array.from({ length: 101 }, () => a.ext);
  await rejectsWith(client.transferCustomer({ handover_userid: 'zhangsan', takeover_userid: 'lisi', external_userid: tooMany }), 40058, 'invalid_param');
  await rejectsWith(client.transferCustomer({ handover_userid: 'zhangsan', takeover_userid: 'ghost', external_userid: [a.ext] }), 60111, 'userid_not_found');
});

test('resigned transfer: 40097 while employed, get_unassigned_list pages, takeover after 24 h', async (t) => {
  const { sim, client } = await startContract(t, {}, ['zhangsan', 'lisi', 'wangwu']);
  const exts: string[] = [];
  for (let i = 0; i < 3; i++) exts.push((await befriend(sim, 'wangwu')).ext);
  const body = { handover_userid: 'wangwu', takeover_userid: 'lisi', external_userid: exts };
  await rejectsWith(client.resignedTransferCustomer(body), 40097, 'handover_not_resigned');
  assert.deepEqual((await client.getUnassignedList()).info, []);

  await sim.control.resignMember(CORP, 'wangwu');
  const resignedAt = await sim.control.now();
  const pages: boolean[] = [];
  const unassigned = await allPages(async (cursor) => {
    const r = await client.getUnassignedList({ page_size: 2, cursor });
    pages.push(r.is_last ?? false);
    return { items: r.info, next_cursor: r.next_cursor };
  });
  assert.deepEqual(pages, [false, true], 'is_last only on the last page');
  assert.deepEqual(new Set(unassigned.items.map((i) => i.external_userid)), new Set(exts));
  for (const i of unassigned.items) {
    assert.equal(i.handover_userid, 'wangwu');
    assert.ok(Math.abs(i.dimission_time - resignedAt) <= 5);
  }

  const started = await client.resignedTransferCustomer(body);
  assert.deepEqual(started.customer, exts.map((external_userid) => ({ external_userid, errcode: 0 })));
  assert.deepEqual((await client.getUnassignedList()).info, [], 'assigned customers leave the list');
  const waiting = await client.resignedTransferResult({ handover_userid: 'wangwu', takeover_userid: 'lisi' });
  assert.deepEqual(waiting.customer.map((c) => c.status), [2, 2, 2]);
  await sim.control.advanceClock(DAY);
  const done = await client.resignedTransferResult({ handover_userid: 'wangwu', takeover_userid: 'lisi' });
  assert.deepEqual(done.customer.map((c) => c.status), [1, 1, 1]);
  assert.deepEqual((await client.listExternalContacts('lisi')).external_userid.sort(), [...exts].sort());
  assert.equal((await client.transferResult({ handover_userid: 'wangwu', takeover_userid: 'lisi' })).customer.length, 0, 'in-service results are separate');
});

test('group owner transfers: resigned (90500 while employed), on-job (twice per 90 days), failures per chat', async (t) => {
  const { sim, client } = await startContract(t, {}, ['zhangsan', 'lisi', 'wangwu']);
  const old = await sim.control.createGroup(CORP, { owner: 'wangwu', name: '离职员工的群' });
  const mine = await sim.control.createGroup(CORP, { owner: 'zhangsan', name: '在职群' });

  const early = await client.groupChatTransfer({ chat_id_list: [old.chat_id], new_owner: 'lisi' });
  assert.deepEqual(early.failed_chat_list?.map((f) => [f.chat_id, f.errcode]), [[old.chat_id, 90500]]);
  assert.equal(describeErrcode(90500).kind, 'group_owner_not_resigned');
  await sim.control.resignMember(CORP, 'wangwu');
  assert.deepEqual((await client.listGroupChats({ limit: 10, status_filter: 1 })).group_chat_list, [{ chat_id: old.chat_id, status: 1 }]);
  const moved = await client.groupChatTransfer({ chat_id_list: [old.chat_id, 'wrNoSuchGroup0000000000000000000'], new_owner: 'lisi' });
  assert.deepEqual(moved.failed_chat_list?.map((f) => [f.chat_id, f.errcode]), [['wrNoSuchGroup0000000000000000000', 90501]]);
  assert.equal(typeof moved.failed_chat_list?.[0].errmsg, 'string');
  assert.equal((await client.getGroupChat(old.chat_id)).group_chat.owner, 'lisi');
  assert.deepEqual((await client.listGroupChats({ limit: 10, status_filter: 3 })).group_chat_list, [{ chat_id: old.chat_id, status: 3 }]);

  const onjob = (to: string) => client.groupChatOnjobTransfer({ chat_id_list: [mine.chat_id], new_owner: to });
  assert.deepEqual((await onjob('lisi')).failed_chat_list ?? [], []);
  assert.equal((await client.getGroupChat(mine.chat_id)).group_chat.owner, 'lisi');
  assert.deepEqual((await onjob('zhangsan')).failed_chat_list ?? [], []);
  assert.equal((await onjob('lisi')).failed_chat_list?.[0].errcode, 40128, 'a group moves at most twice in 90 days');
  await rejectsWith(client.groupChatOnjobTransfer({ chat_id_list: [mine.chat_id], new_owner: 'ghost' }), 60111, 'userid_not_found');
});
