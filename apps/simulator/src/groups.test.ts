import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORP, field, startTestSim, waitFor, withCallback } from './test-support.ts';

const P = '/cgi-bin/externalcontact/groupchat';

test('groups: create / join / leave callbacks carry member versions that match groupchat/get', async (t) => {
  const sim = await startTestSim();
  const rx = await withCallback(sim);
  t.after(async () => {
    await sim.stop();
    await rx.close();
  });
  const a = await sim.control.createWechatUser(CORP, { name: '群友甲', unionid: 'oUA' });
  const b = await sim.control.createWechatUser(CORP, { name: '群友乙' });
  const g = await sim.control.createGroup(CORP, { owner: 'zhangsan', name: '会员福利群', member_userids: ['lisi'] });
  assert.match(g.chat_id, /^wr/);
  const joined = await sim.control.joinGroup(CORP, g.chat_id, { external_userid: a.external_userid });
  const way = await sim.api.post(`${P}/add_join_way`, { scene: 2, chat_id_list: [g.chat_id], state: 'grp_qr', room_base_name: '福利群', room_base_id: 2 });
  assert.equal(way.errcode, 0);
  await sim.control.joinGroup(CORP, g.chat_id, { external_userid: b.external_userid, via_config_id: way.config_id });
  const left = await sim.control.leaveGroup(CORP, g.chat_id, { external_userid: a.external_userid, quit_scene: 0 });

  await waitFor(() => rx.received.length === 4);
  const [create, add1, add2, del] = rx.received.map((r) => r.xml);
  assert.equal(field(create, 'Event'), 'change_external_chat');
  assert.equal(field(create, 'ChangeType'), 'create');
  assert.equal(field(create, 'ChatId'), g.chat_id);
  assert.equal(field(add1, 'UpdateDetail'), 'add_member');
  assert.equal(field(add1, 'JoinScene'), '0');
  assert.equal(field(add1, 'LastMemVer'), g.member_version);
  assert.equal(field(add1, 'CurMemVer'), joined.member_version);
  assert.match(add1, /<MemChangeList><Item><!\[CDATA\[wm/);
  assert.equal(field(add2, 'JoinScene'), '3');
  assert.equal(field(del, 'UpdateDetail'), 'del_member');
  assert.equal(field(del, 'QuitScene'), '0');
  assert.equal(field(del, 'CurMemVer'), left.member_version);

  const info = await sim.api.post(`${P}/get`, { chat_id: g.chat_id, need_name: 1 });
  assert.equal(info.group_chat.member_version, left.member_version);
  const viaWay = info.group_chat.member_list.find((m: { userid: string }) => m.userid === b.external_userid);
  assert.equal(viaWay.type, 2);
  assert.equal(viaWay.join_scene, 3);
  assert.equal(viaWay.state, 'grp_qr');
  assert.equal(viaWay.name, '群友乙');
  assert.equal(info.group_chat.member_list[1].invitor.userid, 'zhangsan');
  assert.equal((await sim.api.post(`${P}/get`, { chat_id: 'wrnope' })).errcode, 40050);
  const listed = await sim.api.post(`${P}/list`, { limit: 10, owner_filter: { userid_list: ['zhangsan'] } });
  assert.deepEqual(listed.group_chat_list, [{ chat_id: g.chat_id, status: 0 }]);
  assert.equal((await sim.api.post(`${P}/list`, {})).errcode, 40058, 'limit is required');
});

test('join way: ≤5 groups (41091); a scan fills the first group with room, then auto-creates room_base_name+id', async (t) => {
  const sim = await startTestSim({ limits: { groupMembers: 3 } });
  t.after(() => sim.stop());
  const g = await sim.control.createGroup(CORP, { owner: 'zhangsan', name: '群1', member_userids: ['lisi'] });
  const six = Array(6).fill(g.chat_id);
  assert.equal((await sim.api.post(`${P}/add_join_way`, { scene: 2, chat_id_list: six })).errcode, 41091);
  const way = await sim.api.post(`${P}/add_join_way`, { scene: 2, chat_id_list: [g.chat_id], room_base_name: '福利群', room_base_id: 2, state: 'w1' });
  const u1 = await sim.control.createWechatUser(CORP, { name: 'A' });
  const u2 = await sim.control.createWechatUser(CORP, { name: 'B' });
  const first = await sim.control.scanJoinWay(CORP, way.config_id, { external_userid: u1.external_userid });
  assert.equal(first.chat_id, g.chat_id);
  assert.equal(first.created, false);
  const second = await sim.control.scanJoinWay(CORP, way.config_id, { external_userid: u2.external_userid });
  assert.equal(second.created, true);
  const info = await sim.api.post(`${P}/get`, { chat_id: second.chat_id });
  assert.equal(info.group_chat.name, '福利群2');
  assert.equal(info.group_chat.owner, 'zhangsan');
  const got = await sim.api.post(`${P}/get_join_way`, { config_id: way.config_id });
  assert.deepEqual(got.join_way.chat_id_list, [g.chat_id, second.chat_id]);
  assert.equal(got.join_way.state, 'w1');
  assert.equal((await sim.api.post(`${P}/update_join_way`, { config_id: way.config_id, scene: 2, chat_id_list: [g.chat_id], state: 'x'.repeat(31) })).errcode, 40058);

  const tpl = await sim.api.post('/cgi-bin/externalcontact/group_welcome_template/add', { text: { content: '欢迎 %NICKNAME%' } });
  assert.equal(tpl.errcode, 0);
  assert.equal((await sim.api.post('/cgi-bin/externalcontact/group_welcome_template/get', { template_id: tpl.template_id })).text.content, '欢迎 %NICKNAME%');
});

test('group welcome templates: at most the configured number (41055)', async (t) => {
  const sim = await startTestSim({ limits: { groupWelcomeTemplates: 2 } });
  t.after(() => sim.stop());
  const add = () => sim.api.post('/cgi-bin/externalcontact/group_welcome_template/add', { text: { content: 'hi' } });
  assert.equal((await add()).errcode, 0);
  assert.equal((await add()).errcode, 0);
  assert.equal((await add()).errcode, 41055);
});
