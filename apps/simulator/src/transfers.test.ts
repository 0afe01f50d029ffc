import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORP, field, startTestSim, waitFor, withCallback } from './test-support.ts';

const P = '/cgi-bin/externalcontact';

test('in-service transfer: takeover after 24 h of sim time, at most 2 per customer per 90 days', async (t) => {
  const sim = await startTestSim();
  const rx = await withCallback(sim);
  t.after(async () => {
    await sim.stop();
    await rx.close();
  });
  const u = await sim.control.createWechatUser(CORP, { name: '转接客户' });
  await sim.control.addFriend(CORP, { external_userid: u.external_userid, userid: 'zhangsan', state: 'ch1' });
  const ext = u.external_userid;
  const transfer = (from: string, to: string) =>
    sim.api.post(`${P}/transfer_customer`, { handover_userid: from, takeover_userid: to, external_userid: [ext] });
  const result = (from: string, to: string) => sim.api.post(`${P}/transfer_result`, { handover_userid: from, takeover_userid: to });

  assert.deepEqual((await transfer('zhangsan', 'lisi')).customer, [{ external_userid: ext, errcode: 0 }]);
  assert.equal((await transfer('zhangsan', 'lisi')).customer[0].errcode, 40129, 'already transferring');
  assert.equal((await transfer('zhangsan', 'zhangsan')).errcode, 40130);
  assert.equal((await transfer('lisi', 'zhangsan')).customer[0].errcode, 40131, 'lisi does not follow the customer yet');
  const waiting = await result('zhangsan', 'lisi');
  assert.equal(waiting.customer[0].status, 2);

  await sim.control.advanceClock(86400 - 10);
  assert.equal((await sim.api.get(`${P}/get`, { external_userid: ext })).follow_user[0].userid, 'zhangsan', 'not before 24 h');
  await sim.control.advanceClock(10);
  const done = await result('zhangsan', 'lisi');
  assert.equal(done.customer[0].status, 1);
  const follow = (await sim.api.get(`${P}/get`, { external_userid: ext })).follow_user;
  assert.deepEqual(follow.map((f: { userid: string }) => f.userid), ['lisi']);
  assert.equal(follow[0].state, 'ch1', 'the channel attribution moves with the customer');
  const del = await waitFor(() => rx.received.find((r) => field(r.xml, 'ChangeType') === 'del_external_contact'));
  assert.equal(field(del.xml, 'Source'), 'DELETE_BY_TRANSFER');
  assert.equal(field(del.xml, 'UserID'), 'zhangsan');

  // Second transfer within 90 days: allowed. Third: 40128. After 90 days: allowed again.
  assert.equal((await transfer('lisi', 'zhangsan')).customer[0].errcode, 0);
  await sim.control.advanceClock(86400);
  assert.equal((await transfer('zhangsan', 'lisi')).customer[0].errcode, 40128);
  await sim.control.advanceClock(89 * 86400);
  assert.equal((await transfer('zhangsan', 'lisi')).customer[0].errcode, 0);
});

test('a customer may refuse: transfer_fail callback, status 3, the relation stays', async (t) => {
  const sim = await startTestSim();
  const rx = await withCallback(sim);
  t.after(async () => {
    await sim.stop();
    await rx.close();
  });
  const u = await sim.control.createWechatUser(CORP, { name: '不想换人' });
  await sim.control.addFriend(CORP, { external_userid: u.external_userid, userid: 'zhangsan' });
  await sim.api.post(`${P}/transfer_customer`, { handover_userid: 'zhangsan', takeover_userid: 'lisi', external_userid: [u.external_userid] });
  await sim.control.refuseTransfer(CORP, { external_userid: u.external_userid });
  await sim.control.advanceClock(2 * 86400);
  const r = await sim.api.post(`${P}/transfer_result`, { handover_userid: 'zhangsan', takeover_userid: 'lisi' });
  assert.equal(r.customer[0].status, 3);
  const fail = await waitFor(() => rx.received.find((x) => field(x.xml, 'ChangeType') === 'transfer_fail'));
  assert.equal(field(fail.xml, 'FailReason'), 'customer_refused');
  assert.equal(field(fail.xml, 'UserID'), 'lisi');
  assert.equal((await sim.api.get(`${P}/get`, { external_userid: u.external_userid })).follow_user[0].userid, 'zhangsan');
});

test('resigned transfer: unassigned list, 40097 for a member still in service, groups of a resigned owner', async (t) => {
  const sim = await startTestSim({}, ['zhangsan', 'lisi', 'wangwu']);
  t.after(() => sim.stop());
  const u = await sim.control.createWechatUser(CORP, { name: '离职客户' });
  await sim.control.addFriend(CORP, { external_userid: u.external_userid, userid: 'wangwu' });
  const g = await sim.control.createGroup(CORP, { owner: 'wangwu', name: '老群', external_userids: [u.external_userid] });
  const body = { handover_userid: 'wangwu', takeover_userid: 'lisi', external_userid: [u.external_userid] };
  assert.equal((await sim.api.post(`${P}/resigned/transfer_customer`, body)).errcode, 40097);
  await sim.control.resignMember(CORP, 'wangwu');
  const unassigned = await sim.api.post(`${P}/get_unassigned_list`, {});
  assert.deepEqual(unassigned.info.map((i: { external_userid: string }) => i.external_userid), [u.external_userid]);
  assert.equal(unassigned.is_last, true);
  assert.equal((await sim.api.post(`${P}/resigned/transfer_customer`, body)).customer[0].errcode, 0);
  assert.equal((await sim.api.post(`${P}/get_unassigned_list`, {})).info.length, 0);
  await sim.control.advanceClock(86400);
  const r = await sim.api.post(`${P}/resigned/transfer_result`, { handover_userid: 'wangwu', takeover_userid: 'lisi' });
  assert.equal(r.customer[0].status, 1);

  const left = await sim.api.post(`${P}/groupchat/list`, { status_filter: 1, limit: 100 });
  assert.deepEqual(left.group_chat_list, [{ chat_id: g.chat_id, status: 1 }]);
  const onjob = await sim.api.post(`${P}/groupchat/onjob_transfer`, { chat_id_list: [g.chat_id], new_owner: 'lisi' });
  assert.equal(onjob.failed_chat_list[0].errcode, 90502);
  const moved = await sim.api.post(`${P}/groupchat/transfer`, { chat_id_list: [g.chat_id, 'wrnope'], new_owner: 'lisi' });
  assert.deepEqual(moved.failed_chat_list.map((f: { errcode: number }) => f.errcode), [90501]);
  assert.equal((await sim.api.post(`${P}/groupchat/get`, { chat_id: g.chat_id })).group_chat.owner, 'lisi');
  assert.deepEqual((await sim.api.post(`${P}/groupchat/list`, { status_filter: 3, limit: 100 })).group_chat_list, [{ chat_id: g.chat_id, status: 3 }]);
});
