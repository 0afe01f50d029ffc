// Contract, spec §3: contact ways (联系我) with their state, paging of list_contact_way, temp
// chats, and the single-use, 20-second welcome code of send_welcome_msg.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORP, DAY, allPages, bytes, rejectsWith, startContract } from './sdk-contract-support.ts';

test('contact ways: add (qr_code for scene 2 only), get, update keeps type/scene, list pages, delete', async (t) => {
  const { client } = await startContract(t);
  const single = await client.addContactWay({ type: 1, scene: 1, user: ['zhangsan'], state: 'mini_btn' });
  assert.ok(single.config_id.length >= 16);
  assert.equal(single.qr_code, undefined, 'no QR code for a mini-program button');
  const multi = await client.addContactWay({ type: 2, scene: 2, user: ['zhangsan', 'lisi'], state: '渠'.repeat(30), remark: '直播间' });
  assert.match(multi.qr_code ?? '', /^https:\/\//);
  assert.notEqual(multi.config_id, single.config_id);

  const got = (await client.getContactWay(multi.config_id)).contact_way;
  assert.equal(got.config_id, multi.config_id);
  assert.equal(got.type, 2);
  assert.equal(got.scene, 2);
  assert.equal(got.state, '渠'.repeat(30), '30 characters (not bytes) are allowed');
  assert.equal(got.remark, '直播间');
  assert.deepEqual(got.user, ['zhangsan', 'lisi']);
  assert.equal(got.skip_verify, true, "WeCom's default");
  assert.equal(got.qr_code, multi.qr_code);

  await client.updateContactWay({ config_id: multi.config_id, state: 'live_0618', skip_verify: false, user: ['lisi'] });
  const updated = (await client.getContactWay(multi.config_id)).contact_way;
  assert.deepEqual([updated.type, updated.scene, updated.state, updated.skip_verify, updated.user, updated.remark], [2, 2, 'live_0618', false, ['lisi'], '直播间']);

  for (let i = 0; i < 3; i++) await client.addContactWay({ type: 1, scene: 2, user: ['lisi'], state: `s${i}` });
  const listed = await allPages(async (cursor) => {
    const r = await client.listContactWay({ limit: 2, cursor });
    return { items: r.contact_way, next_cursor: r.next_cursor };
  });
  assert.equal(listed.pages, 3);
  assert.equal(listed.items.length, 5);
  assert.ok(listed.items.some((w) => w.config_id === single.config_id));

  await client.delContactWay(single.config_id);
  await rejectsWith(client.getContactWay(single.config_id), 41044, 'config_id_invalid');
  await rejectsWith(client.delContactWay(single.config_id), 41044, 'config_id_invalid');
  await rejectsWith(client.getContactWay(''), 41043, 'config_id_missing');
});

test('contact way errors: state over 30 chars, 41041 over 100 users, invalid type/scene, type 1 with two users', async (t) => {
  const { sim, client } = await startContract(t);
  await rejectsWith(client.addContactWay({ type: 1, scene: 2, user: ['zhangsan'], state: 'x'.repeat(31) }), 40058, 'invalid_param');
  const way = await client.addContactWay({ type: 1, scene: 2, user: ['zhangsan'], state: 'ok' });
  await rejectsWith(client.updateContactWay({ config_id: way.config_id, state: '渠'.repeat(31) }), 40058, 'invalid_param');
  assert.equal((await client.getContactWay(way.config_id)).contact_way.state, 'ok', 'a refused update changes nothing');

  const many = Array.from({ length: 101 }, (_, i) => `staff${i}`);
  await sim.control.bulkLoad(CORP, { members: many.map((userid) => ({ userid, name: userid, department: [1] })) });
  await rejectsWith(client.addContactWay({ type: 2, scene: 2, user: many }), 41041, 'contact_way_user_limit');
  const hundred = await client.addContactWay({ type: 2, scene: 2, user: many.slice(0, 100) });
  assert.equal((await client.getContactWay(hundred.config_id)).contact_way.user?.length, 100);

  await rejectsWith(client.addContactWay({ type: 3 as 1, scene: 2, user: ['zhangsan'] }), 41039, 'contact_way_type_invalid');
  await rejectsWith(client.addContactWay({ type: 1, scene: 9 as 2, user: ['zhangsan'] }), 41040, 'contact_way_scene_invalid');
  await rejectsWith(client.addContactWay({ type: 1, scene: 2, user: ['zhangsan', 'lisi'] }), 40058, 'invalid_param');
  await rejectsWith(client.addContactWay({ type: 1, scene: 2, user: ['ghost'] }), 60111, 'userid_not_found');
});

test('welcome message: the code of the add event works once (41051), only within 20 s (41050), with media attachments', async (t) => {
  const { sim, client } = await startContract(t);
  const way = await client.addContactWay({ type: 2, scene: 2, user: ['zhangsan', 'lisi'], state: 'store_42' });
  const u1 = await sim.control.createWechatUser(CORP, { name: '王女士' });
  const scan = await sim.control.scanContactWay(CORP, { external_userid: u1.external_userid, config_id: way.config_id });
  assert.equal(scan.state, 'store_42');
  const code = scan.welcome_code;
  assert.ok(code);
  const follow = (await client.getExternalContact(u1.external_userid)).follow_user;
  assert.deepEqual(follow.map((f) => [f.userid, f.state, f.add_way]), [[scan.userid, 'store_42', 1]], 'the state attributes the channel');

  const image = await client.uploadMedia('image', 'welcome.png', bytes(256));
  await client.sendWelcomeMsg({
    welcome_code: code, text: { content: '欢迎光临，领取新人券' },
    attachments: [{ msgtype: 'image', image: { media_id: image.media_id } }, { msgtype: 'link', link: { title: '新人券', url: 'https://example.com/c' } }],
  });
  await rejectsWith(client.sendWelcomeMsg({ welcome_code: code, text: { content: '再来一次' } }), 41051, 'welcome_code_used');
  const sent = (await sim.control.messages(CORP)).filter((m) => m.tolist.includes(u1.external_userid));
  assert.equal(sent.length, 1, 'the customer got one welcome message');
  assert.equal(sent[0].text?.content, '欢迎光临，领取新人券');

  const u2 = await sim.control.createWechatUser(CORP, { name: '李先生' });
  const late = await sim.control.scanContactWay(CORP, { external_userid: u2.external_userid, config_id: way.config_id });
  await sim.control.advanceClock(21);
  await rejectsWith(client.sendWelcomeMsg({ welcome_code: late.welcome_code ?? '', text: { content: '迟到' } }), 41050, 'welcome_code_invalid');
  await rejectsWith(client.sendWelcomeMsg({ welcome_code: '', text: { content: 'x' } }), 41049, 'welcome_code_missing');

  const u3 = await sim.control.createWechatUser(CORP, { name: '赵女士' });
  const third = await sim.control.scanContactWay(CORP, { external_userid: u3.external_userid, config_id: way.config_id });
  const tooMany = Array.from({ length: 10 }, () => ({ msgtype: 'image' as const, image: { media_id: image.media_id } }));
  await rejectsWith(client.sendWelcomeMsg({ welcome_code: third.welcome_code ?? '', attachments: tooMany }), 41064, 'too_many_attachments');
  await client.sendWelcomeMsg({ welcome_code: third.welcome_code ?? '', text: { content: '一次被拒的调用不会用掉 code' } });
});

test('temp chat ways: defaults 7 d / 24 h, the QR code dies with its first friend, close_temp_chat ends the relation', async (t) => {
  const { sim, client } = await startContract(t);
  const temp = await client.addContactWay({ type: 1, scene: 2, user: ['lisi'], is_temp: true });
  const got = (await client.getContactWay(temp.config_id)).contact_way;
  assert.equal(got.is_temp, true);
  assert.equal(got.expires_in, 7 * DAY);
  assert.equal(got.chat_expires_in, DAY);
  await rejectsWith(client.addContactWay({ type: 2, scene: 2, user: ['lisi'], is_temp: true }), 40058, 'invalid_param', 'temp sessions are single-user');

  const u = await sim.control.createWechatUser(CORP, { name: '临时访客' });
  await sim.control.scanContactWay(CORP, { external_userid: u.external_userid, config_id: temp.config_id });
  assert.deepEqual((await client.listExternalContacts('lisi')).external_userid, [u.external_userid]);
  const again = await sim.control.createWechatUser(CORP, { name: '第二位' });
  await assert.rejects(sim.control.scanContactWay(CORP, { external_userid: again.external_userid, config_id: temp.config_id }), /died/);
  await client.closeTempChat('lisi', u.external_userid);
  await rejectsWith(client.getExternalContact(u.external_userid), 84061, 'no_relationship');
  await rejectsWith(client.closeTempChat('lisi', u.external_userid), 84061, 'no_relationship');
});

test('list_contact_way: start_time defaults to 90 days ago; an explicit window still finds older ways', async (t) => {
  const { sim, client } = await startContract(t);
  const old = await client.addContactWay({ type: 1, scene: 2, user: ['zhangsan'], state: 'old' });
  const created = await sim.control.now();
  await sim.control.advanceClock(91 * DAY);
  const fresh = await client.addContactWay({ type: 1, scene: 2, user: ['zhangsan'], state: 'new' });
  assert.deepEqual((await client.listContactWay()).contact_way.map((w) => w.config_id), [fresh.config_id]);
  const now = await sim.control.now();
  const all = await client.listContactWay({ start_time: created - 60, end_time: now });
  assert.deepEqual(new Set(all.contact_way.map((w) => w.config_id)), new Set([old.config_id, fresh.config_id]));
  assert.equal((await client.getContactWay(old.config_id)).contact_way.state, 'old', 'the way itself still works');
  await rejectsWith(client.listContactWay({ limit: 1001 }), 40058, 'invalid_param');
});
