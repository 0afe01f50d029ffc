import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORP, startTestSim } from './test-support.ts';

const P = '/cgi-bin/externalcontact';

async function upload(url: string, token: string, query: string, bytes = 64) {
  const form = new FormData();
  form.append('media', new Blob([Buffer.alloc(bytes, 7)], { type: 'image/png' }), 'p.png');
  return (await (await fetch(`${url}${query}&access_token=${token}`, { method: 'POST', body: form })).json()) as Record<string, any>;
}

test('mass message: nothing is sent until the member confirms; then statuses 1 sent and 2 not a friend', async (t) => {
  const sim = await startTestSim();
  t.after(() => sim.stop());
  const users = [];
  for (const name of ['甲', '乙', '丙']) {
    const u = await sim.control.createWechatUser(CORP, { name });
    await sim.control.addFriend(CORP, { external_userid: u.external_userid, userid: 'zhangsan' });
    users.push(u.external_userid);
  }
  const stranger = (await sim.control.createWechatUser(CORP, { name: '路人' })).external_userid;
  const image = await upload(sim.url, await sim.api.token(), '/cgi-bin/media/upload?type=image');
  assert.equal(image.errcode, 0);
  assert.equal(image.type, 'image');

  const r = await sim.api.post(`${P}/add_msg_template`, {
    external_userid: [...users, stranger], sender: 'zhangsan', text: { content: '618 大促开始啦' },
    attachments: [{ msgtype: 'image', image: { media_id: image.media_id } }],
  });
  assert.equal(r.errcode, 0);
  assert.match(r.msgid, /^msg/);
  assert.deepEqual(r.fail_list, [stranger]);

  const before = await sim.api.post(`${P}/get_groupmsg_send_result`, { msgid: r.msgid, userid: 'zhangsan' });
  assert.deepEqual(before.send_list.map((s: { status: number }) => s.status), [0, 0, 0], 'not sent before the confirmation');
  assert.deepEqual((await sim.api.post(`${P}/get_groupmsg_task`, { msgid: r.msgid })).task_list, [{ userid: 'zhangsan', status: 0 }]);

  await sim.control.deleteByCustomer(CORP, { userid: 'zhangsan', external_userid: users[2] });
  const confirmed = await sim.control.confirmMassMessage(CORP, r.msgid, { userid: 'zhangsan' });
  assert.deepEqual(confirmed, { sent: 2, not_friend: 1, over_quota: 0 });
  const after = await sim.api.post(`${P}/get_groupmsg_send_result`, { msgid: r.msgid, userid: 'zhangsan' });
  assert.deepEqual(after.send_list.map((s: { status: number }) => s.status), [1, 1, 2]);
  const task = await sim.api.post(`${P}/get_groupmsg_task`, { msgid: r.msgid });
  assert.equal(task.task_list[0].status, 2);

  const now = await sim.control.now();
  const list = await sim.api.post(`${P}/get_groupmsg_list_v2`, { chat_type: 'single', start_time: now - 3600, end_time: now + 60 });
  assert.equal(list.group_msg_list[0].msgid, r.msgid);
  assert.equal(list.group_msg_list[0].create_type, 0);

  assert.equal((await sim.api.post(`${P}/add_msg_template`, { external_userid: [stranger], text: { content: 'x' } })).errcode, 41048);
  const tooMany = Array.from({ length: 10 }, () => ({ msgtype: 'image', image: { media_id: image.media_id } }));
  assert.equal((await sim.api.post(`${P}/add_msg_template`, { external_userid: users, text: { content: 'x' }, attachments: tooMany })).errcode, 41064);
  assert.equal((await sim.api.post(`${P}/add_msg_template`, { external_userid: users, attachments: [{ msgtype: 'image', image: { media_id: 'nope' } }] })).errcode, 40007);
  assert.equal((await sim.api.post(`${P}/add_msg_template`, { chat_type: 'group', text: { content: 'x' } })).errcode, 40058);
});

test('mass message: the monthly receive cap gives status 3; remind ≤3 per 24 h; cancel once', async (t) => {
  const sim = await startTestSim({ limits: { massPerCustomerPerMonth: 2 } });
  t.after(() => sim.stop());
  const u = await sim.control.createWechatUser(CORP, { name: '常客' });
  await sim.control.addFriend(CORP, { external_userid: u.external_userid, userid: 'zhangsan' });
  const statuses: number[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await sim.api.post(`${P}/add_msg_template`, { external_userid: [u.external_userid], text: { content: `第${i}条` } });
    await sim.control.confirmMassMessage(CORP, r.msgid, { userid: 'zhangsan' });
    const res = await sim.api.post(`${P}/get_groupmsg_send_result`, { msgid: r.msgid, userid: 'zhangsan' });
    statuses.push(res.send_list[0].status);
  }
  assert.deepEqual(statuses, [1, 1, 3]);

  // A new natural month (Beijing time) resets the cap.
  await sim.control.advanceClock(32 * 86400);
  const next = await sim.api.post(`${P}/add_msg_template`, { external_userid: [u.external_userid], text: { content: '新月份' } });
  assert.deepEqual(await sim.control.confirmMassMessage(CORP, next.msgid, { userid: 'zhangsan' }), { sent: 1, not_friend: 0, over_quota: 0 });

  const m = await sim.api.post(`${P}/add_msg_template`, { external_userid: [u.external_userid], text: { content: '提醒' } });
  for (let i = 0; i < 3; i++) assert.equal((await sim.api.post(`${P}/remind_groupmsg_send`, { msgid: m.msgid })).errcode, 0);
  assert.equal((await sim.api.post(`${P}/remind_groupmsg_send`, { msgid: m.msgid })).errcode, 41094);
  await sim.control.advanceClock(86400);
  assert.equal((await sim.api.post(`${P}/remind_groupmsg_send`, { msgid: m.msgid })).errcode, 0);
  assert.equal((await sim.api.post(`${P}/cancel_groupmsg_send`, { msgid: m.msgid })).errcode, 0);
  assert.equal((await sim.api.post(`${P}/cancel_groupmsg_send`, { msgid: m.msgid })).errcode, 41093);
  assert.equal((await sim.api.post(`${P}/cancel_groupmsg_send`, { msgid: 'msgnope' })).errcode, 41047);
});

test('a daily cap can be switched on; group mass messages go to the sender\'s groups', async (t) => {
  const sim = await startTestSim({ limits: { massPerCustomerPerDay: 1 } });
  t.after(() => sim.stop());
  const u = await sim.control.createWechatUser(CORP, { name: '日限' });
  await sim.control.addFriend(CORP, { external_userid: u.external_userid, userid: 'zhangsan' });
  const send = async () => {
    const r = await sim.api.post(`${P}/add_msg_template`, { external_userid: [u.external_userid], text: { content: 'hi' } });
    return sim.control.confirmMassMessage(CORP, r.msgid, { userid: 'zhangsan' });
  };
  assert.equal((await send()).sent, 1);
  assert.equal((await send()).over_quota, 1);

  const g = await sim.control.createGroup(CORP, { owner: 'lisi', name: '福利群', external_userids: [u.external_userid] });
  const r = await sim.api.post(`${P}/add_msg_template`, { chat_type: 'group', sender: 'lisi', text: { content: '群发' } });
  assert.equal(r.errcode, 0);
  await sim.control.confirmMassMessage(CORP, r.msgid, { userid: 'lisi' });
  const res = await sim.api.post(`${P}/get_groupmsg_send_result`, { msgid: r.msgid, userid: 'lisi' });
  const { send_time, ...rest } = res.send_list[0];
  assert.deepEqual(rest, { chat_id: g.chat_id, userid: 'lisi', status: 1 });
  assert.ok(Math.abs(send_time - (await sim.control.now())) <= 2);
});

test('moments: add_moment_task → jobid → status 3 with moment_id; media must come from upload_attachment', async (t) => {
  const sim = await startTestSim();
  t.after(() => sim.stop());
  const token = await sim.api.token();
  const temp = await upload(sim.url, token, '/cgi-bin/media/upload?type=image');
  const att = await upload(sim.url, token, '/cgi-bin/media/upload_attachment?media_type=image&attachment_type=1');
  assert.equal(att.errcode, 0);
  const bad = await sim.api.post(`${P}/add_moment_task`, { attachments: [{ msgtype: 'image', image: { media_id: temp.media_id } }] });
  assert.equal(bad.errcode, 41072);
  assert.equal((await sim.api.post(`${P}/add_moment_task`, {})).errcode, 41089);
  const job = await sim.api.post(`${P}/add_moment_task`, {
    text: { content: '新品上市' }, attachments: [{ msgtype: 'image', image: { media_id: att.media_id } }],
    visible_range: { sender_list: { user_list: ['zhangsan', 'ghost'] } },
  });
  const result = await sim.api.get(`${P}/get_moment_task_result`, { jobid: job.jobid });
  assert.equal(result.status, 3);
  assert.deepEqual(result.result.invalid_sender_list.user_list, ['ghost']);
  const task = await sim.api.post(`${P}/get_moment_task`, { moment_id: result.result.moment_id });
  assert.deepEqual(task.task_list, [{ userid: 'zhangsan', publish_status: 0 }]);
  const now = await sim.control.now();
  const list = await sim.api.post(`${P}/get_moment_list`, { start_time: now - 60, end_time: now + 60 });
  assert.equal(list.moment_list[0].moment_id, result.result.moment_id);
  assert.equal((await sim.api.post(`${P}/cancel_moment_task`, { moment_id: result.result.moment_id })).errcode, 0);
  // Temporary media expire after 3 days of sim time.
  await sim.control.advanceClock(3 * 86400);
  const expired = await sim.api.post(`${P}/add_msg_template`, { sender: 'zhangsan', attachments: [{ msgtype: 'image', image: { media_id: temp.media_id } }] });
  assert.equal(expired.errcode, 40007);
});
