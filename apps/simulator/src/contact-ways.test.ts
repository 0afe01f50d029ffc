import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORP, field, startTestSim, waitFor, withCallback } from './test-support.ts';

const P = '/cgi-bin/externalcontact';

test('a scan of a contact way sends add_external_contact with State and WelcomeCode, encrypted for real', async (t) => {
  const sim = await startTestSim();
  const rx = await withCallback(sim);
  t.after(async () => {
    await sim.stop();
    await rx.close();
  });
  const way = await sim.api.post(`${P}/add_contact_way`, { type: 2, scene: 2, state: 'douyin_live_0612', user: ['zhangsan', 'lisi'], remark: '直播间' });
  assert.equal(way.errcode, 0);
  assert.match(way.config_id, /^[0-9a-f]{32}$/);
  assert.match(way.qr_code, /^https:\/\//);

  const { external_userid } = await sim.control.createWechatUser(CORP, { name: '小红🌸', unionid: 'oUnion123' });
  assert.match(external_userid, /^wm[0-9A-Za-z]{30}$/);
  const scan = await sim.control.scanContactWay(CORP, { external_userid, config_id: way.config_id });
  assert.equal(scan.userid, 'zhangsan');
  assert.equal(scan.state, 'douyin_live_0612');

  const got = await waitFor(() => rx.received[0]);
  assert.equal(field(got.xml, 'ToUserName'), CORP);
  assert.equal(field(got.xml, 'FromUserName'), 'sys');
  assert.equal(field(got.xml, 'MsgType'), 'event');
  assert.equal(field(got.xml, 'Event'), 'change_external_contact');
  assert.equal(field(got.xml, 'ChangeType'), 'add_external_contact');
  assert.equal(field(got.xml, 'UserID'), 'zhangsan');
  assert.equal(field(got.xml, 'ExternalUserID'), external_userid);
  assert.equal(field(got.xml, 'State'), 'douyin_live_0612');
  assert.equal(field(got.xml, 'WelcomeCode'), scan.welcome_code);
  assert.ok(Math.abs(Number(field(got.xml, 'CreateTime')) - (await sim.control.now())) <= 2, 'CreateTime is sim now');
  assert.match(got.xml, /<UserID><!\[CDATA\[zhangsan\]\]><\/UserID>/, 'string fields in CDATA as in the official sample');

  // Round robin: the next scan goes to the next member; the state shows in get and batch.
  const second = await sim.control.createWechatUser(CORP, { name: '阿杰' });
  assert.equal((await sim.control.scanContactWay(CORP, { external_userid: second.external_userid, config_id: way.config_id })).userid, 'lisi');
  const detail = await sim.api.get(`${P}/get`, { external_userid });
  assert.equal(detail.external_contact.unionid, 'oUnion123');
  assert.equal(detail.follow_user[0].state, 'douyin_live_0612');
  assert.equal(detail.follow_user[0].add_way, 1);
  assert.equal(detail.next_cursor, '');
  const log = await waitFor(async () => {
    const l = await sim.control.callbacks(CORP);
    return l.length === 2 && l.every((d) => d.status === 'delivered') && l;
  });
  assert.deepEqual(log.map((d) => d.change_type), ['add_external_contact', 'add_external_contact']);
});

test('welcome code: usable once (41051) and only within 20 s of sim time (41050)', async (t) => {
  const sim = await startTestSim();
  t.after(() => sim.stop());
  const way = await sim.api.post(`${P}/add_contact_way`, { type: 1, scene: 1, user: ['zhangsan'] });
  const u1 = await sim.control.createWechatUser(CORP, { name: '王女士' });
  const s1 = await sim.control.scanContactWay(CORP, { external_userid: u1.external_userid, config_id: way.config_id });
  const send = (code: string | null) => sim.api.post(`${P}/send_welcome_msg`, { welcome_code: code, text: { content: '欢迎光临' } });
  assert.equal((await send(s1.welcome_code)).errcode, 0);
  assert.equal((await send(s1.welcome_code)).errcode, 41051);
  assert.equal((await send('nonsense')).errcode, 41050);
  assert.equal((await sim.api.post(`${P}/send_welcome_msg`, {})).errcode, 41049);
  const msgs = await sim.control.messages(CORP);
  assert.equal(msgs.at(-1)?.text?.content, '欢迎光临');

  const u2 = await sim.control.createWechatUser(CORP, { name: 'Lily' });
  const s2 = await sim.control.scanContactWay(CORP, { external_userid: u2.external_userid, config_id: way.config_id });
  await sim.control.advanceClock(21);
  assert.equal((await send(s2.welcome_code)).errcode, 41050);
});

test('contact way rules: state over 30 chars, user count, missing or bad type/scene, config_id errors', async (t) => {
  const sim = await startTestSim({ limits: { contactWayUsers: 2 } }, ['zhangsan', 'lisi', 'wangwu']);
  t.after(() => sim.stop());
  const add = (body: Record<string, unknown>) => sim.api.post(`${P}/add_contact_way`, body);
  assert.equal((await add({ type: 1, scene: 2, user: ['zhangsan'], state: 'x'.repeat(30) })).errcode, 0);
  const long = await add({ type: 1, scene: 2, user: ['zhangsan'], state: 'x'.repeat(31) });
  assert.equal(long.errcode, 40058);
  assert.match(long.errmsg, /state/);
  assert.equal((await add({ type: 2, scene: 2, user: ['zhangsan', 'lisi', 'wangwu'] })).errcode, 41041);
  assert.equal((await add({ scene: 2, user: ['zhangsan'] })).errcode, 41037);
  assert.equal((await add({ type: 1, user: ['zhangsan'] })).errcode, 41038);
  assert.equal((await add({ type: 3, scene: 2, user: ['zhangsan'] })).errcode, 41039);
  assert.equal((await add({ type: 1, scene: 2, user: ['ghost'] })).errcode, 60111);
  assert.equal((await sim.api.post(`${P}/get_contact_way`, {})).errcode, 41043);
  assert.equal((await sim.api.post(`${P}/get_contact_way`, { config_id: '0'.repeat(32) })).errcode, 41044);

  const way = await add({ type: 2, scene: 2, user: ['zhangsan'], state: 'a', skip_verify: false });
  assert.equal((await sim.api.post(`${P}/update_contact_way`, { config_id: way.config_id, state: 'y'.repeat(31) })).errcode, 40058);
  assert.equal((await sim.api.post(`${P}/update_contact_way`, { config_id: way.config_id, state: 'b', remark: '新' })).errcode, 0);
  const got = await sim.api.post(`${P}/get_contact_way`, { config_id: way.config_id });
  assert.equal(got.contact_way.state, 'b');
  assert.equal(got.contact_way.skip_verify, false);
  const listed = await sim.api.post(`${P}/list_contact_way`, { limit: 1 });
  assert.equal(listed.contact_way.length, 1);
  assert.notEqual(listed.next_cursor, '');
  assert.equal((await sim.api.post(`${P}/del_contact_way`, { config_id: way.config_id })).errcode, 0);
  assert.equal((await sim.api.post(`${P}/get_contact_way`, { config_id: way.config_id })).errcode, 41044);
});

test('a way with skip_verify false sends add_half_external_contact; WeCom-user contacts get no welcome code', async (t) => {
  const sim = await startTestSim();
  const rx = await withCallback(sim);
  t.after(async () => {
    await sim.stop();
    await rx.close();
  });
  const way = await sim.api.post(`${P}/add_contact_way`, { type: 1, scene: 2, user: ['lisi'], state: 's1', skip_verify: false });
  const u = await sim.control.createWechatUser(CORP, { name: '张先生' });
  await sim.control.scanContactWay(CORP, { external_userid: u.external_userid, config_id: way.config_id });
  const partner = await sim.control.createWechatUser(CORP, { name: '供应商李', type: 2, corp_name: '某某贸易' });
  const added = await sim.control.addFriend(CORP, { external_userid: partner.external_userid, userid: 'zhangsan' });
  assert.equal(added.welcome_code, null);
  await waitFor(() => rx.received.length === 2);
  assert.equal(field(rx.received[0].xml, 'ChangeType'), 'add_half_external_contact');
  assert.equal(field(rx.received[0].xml, 'State'), 's1');
  assert.equal(field(rx.received[1].xml, 'WelcomeCode'), undefined);
  const detail = await sim.api.get(`${P}/get`, { external_userid: partner.external_userid });
  assert.equal(detail.external_contact.type, 2);
  assert.equal(detail.external_contact.corp_name, '某某贸易');
});

test('who a scan reaches: round-robin by default or random among the way\'s users; update_contact_way changes the list at once', async (t) => {
  const sim = await startTestSim();
  t.after(() => sim.stop());
  const way = await sim.api.post(`${P}/add_contact_way`, { type: 2, scene: 2, user: ['zhangsan', 'lisi'], state: 'rotation' });
  const scan = async (pick?: 'random' | 'round_robin') => {
    const u = await sim.control.createWechatUser(CORP, { name: '顾客' });
    return (await sim.control.scanContactWay(CORP, { external_userid: u.external_userid, config_id: way.config_id, ...(pick ? { pick } : {}) })).userid;
  };
  const seen = new Set<string>();
  for (let i = 0; i < 30; i++) seen.add(await scan('random'));
  assert.deepEqual([...seen].sort(), ['lisi', 'zhangsan'], 'random stays within the way\'s users and reaches each');
  // A capped member taken off the list (what an SCRM does) gets no more customers from it.
  assert.equal((await sim.api.post(`${P}/update_contact_way`, { config_id: way.config_id, user: ['lisi'] })).errcode, 0);
  for (let i = 0; i < 5; i++) assert.equal(await scan(i % 2 ? 'random' : undefined), 'lisi');
  await assert.rejects(sim.control.scanContactWay(CORP, { external_userid: 'wmnobody', config_id: way.config_id, pick: 'first' as 'random' }), /pick must be/);
});
