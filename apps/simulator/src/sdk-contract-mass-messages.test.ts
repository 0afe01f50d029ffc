// Contract, spec §5: mass messages. add_msg_template only creates tasks; after the member confirms
// (scenario API) get_groupmsg_task / get_groupmsg_send_result report what was sent; reminders are
// limited to 3 per 24 h (41094); cancel (41093); list_v2 pages; the monthly receive quota.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORP, DAY, ID, allPages, befriend, bytes, rejectsWith, startContract } from './sdk-contract-support.ts';

test('single mass message: fail_list, tasks and send results before and after the member confirms', async (t) => {
  const { sim, client } = await startContract(t);
  const exts: string[] = [];
  for (const name of ['甲', '乙', '丙']) exts.push((await befriend(sim, 'zhangsan', { name })).ext);
  const stranger = (await sim.control.createWechatUser(CORP, { name: '路人' })).external_userid;
  const image = await client.uploadMedia('image', 'sale.png', bytes(100));

  const r = await client.addMsgTemplate({
    external_userid: [...exts, stranger], sender: 'zhangsan', text: { content: '618 大促开始啦' },
    attachments: [{ msgtype: 'image', image: { media_id: image.media_id } }, { msgtype: 'link', link: { title: '会场', url: 'https://example.com/618' } }],
  });
  assert.ok(r.msgid.length > 0);
  assert.deepEqual(r.fail_list, [stranger], 'not a customer of the sender');

  assert.deepEqual((await client.getGroupMsgTask({ msgid: r.msgid })).task_list, [{ userid: 'zhangsan', status: 0 }], 'nothing sent before the confirmation');
  const before = await client.getGroupMsgSendResult({ msgid: r.msgid, userid: 'zhangsan' });
  assert.deepEqual(before.send_list.map((s) => [s.external_userid, s.status]), exts.map((e) => [e, 0]));

  await sim.control.deleteByCustomer(CORP, { userid: 'zhangsan', external_userid: exts[2] });
  assert.deepEqual(await sim.control.confirmMassMessage(CORP, r.msgid, { userid: 'zhangsan' }), { sent: 2, not_friend: 1, over_quota: 0 });

  const task = (await client.getGroupMsgTask({ msgid: r.msgid })).task_list;
  assert.equal(task[0].status, 2);
  assert.equal(typeof task[0].send_time, 'number');
  const results = await allPages(async (cursor) => {
    const page = await client.getGroupMsgSendResult({ msgid: r.msgid, userid: 'zhangsan', limit: 2, cursor });
    return { items: page.send_list, next_cursor: page.next_cursor };
  });
  assert.equal(results.pages, 2);
  assert.deepEqual(results.items.map((s) => [s.external_userid, s.userid, s.status]), [[exts[0], 'zhangsan', 1], [exts[1], 'zhangsan', 1], [exts[2], 'zhangsan', 2]]);
  for (const s of results.items) assert.equal(typeof s.send_time, 'number');

  const now = await sim.control.now();
  const list = await client.getGroupMsgListV2({ chat_type: 'single', start_time: now - 3600, end_time: now + 60 });
  assert.equal(list.group_msg_list.length, 1);
  const msg = list.group_msg_list[0];
  assert.equal(msg.msgid, r.msgid);
  assert.equal(msg.create_type, 0, 'created by the corp (API)');
  assert.ok(Math.abs(Number(msg.create_time) - now) <= 5);
  assert.equal(msg.text?.content, '618 大促开始啦');
  assert.equal(msg.attachments?.length, 2);

  await rejectsWith(client.addMsgTemplate({ external_userid: [stranger], text: { content: 'x' } }), 41048, 'no_sendable_customer');
  const ten = Array.from({ length: 10 }, () => ({ msgtype: 'image' as const, image: { media_id: image.media_id } }));
  await rejectsWith(client.addMsgTemplate({ external_userid: exts, attachments: ten }), 41064, 'too_many_attachments');
  const bad = { msgtype: 'voice', voice: { media_id: image.media_id } } as unknown as (typeof ten)[number];
  await rejectsWith(client.addMsgTemplate({ external_userid: exts, attachments: [bad] }), 41065, 'invalid_attachment_type');
  await rejectsWith(client.addMsgTemplate({ external_userid: exts, attachments: [{ msgtype: 'image', image: { media_id: 'gone' } }] }), 40007, 'invalid_media_id');
});

test('sender without external_userid means all of its customers; groups by chat_id with the sender required', async (t) => {
  const { sim, client } = await startContract(t);
  for (let i = 0; i < 4; i++) await befriend(sim, 'lisi');
  const all = await client.addMsgTemplate({ sender: 'lisi', text: { content: '会员日' } });
  assert.deepEqual(all.fail_list, []);
  assert.equal((await client.getGroupMsgSendResult({ msgid: all.msgid, userid: 'lisi' })).send_list.length, 4);

  const g1 = await sim.control.createGroup(CORP, { owner: 'zhangsan', name: '群一' });
  const g2 = await sim.control.createGroup(CORP, { owner: 'zhangsan', name: '群二' });
  await sim.control.createGroup(CORP, { owner: 'lisi', name: '别人的群' });
  const group = await client.addMsgTemplate({ chat_type: 'group', sender: 'zhangsan', text: { content: '群发' } });
  assert.deepEqual(await sim.control.confirmMassMessage(CORP, group.msgid, { userid: 'zhangsan' }), { sent: 2, not_friend: 0, over_quota: 0 });
  const sent = (await client.getGroupMsgSendResult({ msgid: group.msgid, userid: 'zhangsan' })).send_list;
  assert.deepEqual(new Set(sent.map((s) => s.chat_id)), new Set([g1.chat_id, g2.chat_id]));
  for (const s of sent) {
    assert.match(s.chat_id ?? '', ID.chat);
    assert.equal(s.status, 1);
    assert.equal(s.external_userid, undefined);
  }
  const now = await sim.control.now();
  const groups = await client.getGroupMsgListV2({ chat_type: 'group', start_time: now - 60, end_time: now + 60 });
  assert.deepEqual(groups.group_msg_list.map((m) => m.msgid), [group.msgid], 'chat_type filters the list');
  await rejectsWith(client.addMsgTemplate({ chat_type: 'group', text: { content: 'x' } }), 40058, 'invalid_param');
});

test('remind at most 3 times per 24 h of sim time (41094); cancel once (41093)', async (t) => {
  const { sim, client } = await startContract(t);
  const { ext } = await befriend(sim, 'zhangsan');
  const { msgid } = await client.addMsgTemplate({ external_userid: [ext], sender: 'zhangsan', text: { content: '提醒测试' } });
  for (let i = 0; i < 3; i++) await client.remindGroupMsgSend(msgid);
  await rejectsWith(client.remindGroupMsgSend(msgid), 41094, 'remind_limit');
  await sim.control.advanceClock(DAY - 60);
  await rejectsWith(client.remindGroupMsgSend(msgid), 41094, 'remind_limit', 'still within 24 h');
  await sim.control.advanceClock(61);
  await client.remindGroupMsgSend(msgid);

  await client.cancelGroupMsgSend(msgid);
  await rejectsWith(client.cancelGroupMsgSend(msgid), 41093, 'msg_cancelled');
  await rejectsWith(client.remindGroupMsgSend(msgid), 41093, 'msg_cancelled');
});

test('list_v2 pages through next_cursor; the 5th corp message of a month to one customer is status 3', async (t) => {
  const { sim, client } = await startContract(t);
  // Quotas count natural months in Beijing time: keep the five sends clear of a month boundary.
  const bj = new Date(((await sim.control.now()) + 8 * 3600) * 1000);
  const monthEnd = Date.UTC(bj.getUTCFullYear(), bj.getUTCMonth() + 1, 1) / 1000 - 8 * 3600;
  const left = monthEnd - (await sim.control.now());
  if (left < 3600) await sim.control.advanceClock(left + 60);
  const { ext } = await befriend(sim, 'zhangsan');
  const msgids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const { msgid } = await client.addMsgTemplate({ external_userid: [ext], sender: 'zhangsan', text: { content: `第${i + 1}条` } });
    await sim.control.confirmMassMessage(CORP, msgid, { userid: 'zhangsan' });
    msgids.push(msgid);
  }
  const statuses = [];
  for (const msgid of msgids) statuses.push((await client.getGroupMsgSendResult({ msgid, userid: 'zhangsan' })).send_list[0].status);
  assert.deepEqual(statuses, [1, 1, 1, 1, 3], '4 per customer per natural month, then "already received"');

  const now = await sim.control.now();
  const listed = await allPages(async (cursor) => {
    const r = await client.getGroupMsgListV2({ chat_type: 'single', start_time: now - 600, end_time: now + 60, limit: 2, cursor });
    return { items: r.group_msg_list, next_cursor: r.next_cursor };
  });
  assert.equal(listed.pages, 3);
  assert.deepEqual(new Set(listed.items.map((m) => m.msgid)), new Set(msgids));
  await rejectsWith(client.getGroupMsgListV2({ chat_type: 'single', start_time: now - 600, end_time: now, limit: 101 }), 40058, 'invalid_param');
});
