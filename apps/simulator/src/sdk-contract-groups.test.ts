// Contract, spec §4: customer groups (list paging, details with member_version), group join ways
// (≤5 groups: 41091; update overwrites) and group welcome templates (≤N: 41055; own only: 41058).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WecomApiError } from '@siyu/wecom';
import { AGENT_2, CORP, ID, SECRET_2, allPages, befriend, bytes, rejectsWith, startContract } from './sdk-contract-support.ts';

test('groups: list pages through next_cursor, owner filter, details with members and member_version', async (t) => {
  const { sim, client } = await startContract(t);
  const a = await befriend(sim, 'zhangsan', { name: '群友甲' });
  const b = await befriend(sim, 'lisi', { name: '群友乙' });
  const g = await sim.control.createGroup(CORP, { owner: 'zhangsan', name: '618 福利群', member_userids: ['lisi'], external_userids: [a.ext] });
  const joined = await sim.control.joinGroup(CORP, g.chat_id, { external_userid: b.ext, invitor: 'lisi' });
  const other = await sim.control.createGroup(CORP, { owner: 'lisi', name: '老客群' });
  const bulk = await sim.control.bulkLoad(CORP, { groups: Array.from({ length: 5 }, (_, i) => ({ name: `批量${i}`, owner: 'zhangsan', members: [] })) });

  const listed = await allPages(async (cursor) => {
    const r = await client.listGroupChats({ limit: 3, cursor });
    return { items: r.group_chat_list, next_cursor: r.next_cursor };
  });
  assert.equal(listed.pages, 3);
  assert.deepEqual(new Set(listed.items.map((x) => x.chat_id)), new Set([g.chat_id, other.chat_id, ...bulk.chat_ids]));
  for (const item of listed.items) {
    assert.match(item.chat_id, ID.chat);
    assert.equal(item.status, 0);
  }
  const lisis = await client.listGroupChats({ limit: 100, owner_filter: { userid_list: ['lisi'] } });
  assert.deepEqual(lisis.group_chat_list, [{ chat_id: other.chat_id, status: 0 }]);

  const detail = (await client.getGroupChat(g.chat_id, true)).group_chat;
  assert.equal(detail.chat_id, g.chat_id);
  assert.equal(detail.name, '618 福利群');
  assert.equal(detail.owner, 'zhangsan');
  assert.equal(typeof detail.create_time, 'number');
  assert.equal(detail.member_version, joined.member_version, 'matches CurMemVer of the last change');
  assert.deepEqual(
    detail.member_list.map((m) => [m.userid, m.type, m.name, m.invitor?.userid]),
    [['zhangsan', 1, 'zhangsan', undefined], ['lisi', 1, 'lisi', 'zhangsan'], [a.ext, 2, '群友甲', 'zhangsan'], [b.ext, 2, '群友乙', 'lisi']],
  );
  for (const m of detail.member_list) assert.equal(typeof m.join_time, 'number');
  const plain = (await client.getGroupChat(g.chat_id)).group_chat;
  assert.equal(plain.member_list[2].name, undefined, 'names only with need_name');

  await rejectsWith(client.listGroupChats({ limit: 1001 }), 40058, 'invalid_param');
  await rejectsWith(client.listGroupChats({ limit: 10, owner_filter: { userid_list: Array.from({ length: 101 }, (_, i) => `u${i}`) } }), 40058, 'invalid_param');
  await assert.rejects(client.getGroupChat('wrNoSuchGroup0000000000000000000'), (e: unknown) => e instanceof WecomApiError && e.errcode === 40050);
});

test('join ways: add, get with qr_code, update overwrites every field, a scan carries the state, delete', async (t) => {
  const { sim, client } = await startContract(t);
  const chats = [];
  for (let i = 0; i < 6; i++) chats.push((await sim.control.createGroup(CORP, { owner: 'zhangsan', name: `粉丝${i}群` })).chat_id);

  const added = await client.addJoinWay({
    scene: 2, remark: '门店'.repeat(20), auto_create_room: 1, room_base_name: '粉丝群', room_base_id: 10, chat_id_list: chats.slice(0, 1), state: 'jw_store',
  });
  assert.ok(added.config_id.length >= 16);
  const way = (await client.getJoinWay(added.config_id)).join_way;
  assert.equal(way.config_id, added.config_id);
  assert.equal(way.scene, 2);
  assert.equal(way.remark, '门店'.repeat(15), 'remark cut at 30');
  assert.deepEqual(way.chat_id_list, [chats[0]]);
  assert.equal(way.state, 'jw_store');
  assert.equal(way.room_base_name, '粉丝群');
  assert.equal(way.room_base_id, 10);
  assert.match(way.qr_code ?? '', /^https:\/\//);

  await client.updateJoinWay({ config_id: added.config_id, scene: 2, chat_id_list: chats.slice(1, 3), state: 'jw_live' });
  const over = (await client.getJoinWay(added.config_id)).join_way;
  assert.deepEqual(over.chat_id_list, chats.slice(1, 3));
  assert.equal(over.state, 'jw_live');
  assert.equal(over.remark, '', 'fields not sent are overwritten');
  assert.equal(over.room_base_name, '');
  assert.equal(over.auto_create_room, 1, 'auto_create_room defaults to 1');

  const u = await befriend(sim, 'lisi');
  const scanned = await sim.control.scanJoinWay(CORP, added.config_id, { external_userid: u.ext });
  assert.equal(scanned.chat_id, chats[1]);
  const member = (await client.getGroupChat(chats[1])).group_chat.member_list.find((m) => m.userid === u.ext);
  assert.equal(member?.state, 'jw_live', 'the join way state attributes the member');
  assert.equal(member?.join_scene, 3);

  await rejectsWith(client.addJoinWay({ scene: 2, chat_id_list: chats }), 41091, 'join_way_chat_limit');
  await rejectsWith(client.updateJoinWay({ config_id: added.config_id, scene: 2, chat_id_list: chats }), 41091, 'join_way_chat_limit');
  const five = await client.addJoinWay({ scene: 1, chat_id_list: chats.slice(0, 5) });
  assert.equal((await client.getJoinWay(five.config_id)).join_way.qr_code, undefined, 'no QR code for scene 1');
  await rejectsWith(client.addJoinWay({ scene: 2, chat_id_list: [chats[0]], state: 's'.repeat(31) }), 40058, 'invalid_param');
  await rejectsWith(client.addJoinWay({ scene: 2, chat_id_list: ['wrNoSuchGroup0000000000000000000'] }), 90501, 'not_customer_group');

  await client.delJoinWay(added.config_id);
  await rejectsWith(client.getJoinWay(added.config_id), 41044, 'config_id_invalid');
});

test('group welcome templates: add/get/edit/del, another app may not touch them (41058), 41055 at the limit', async (t) => {
  const { sdk, client } = await startContract(t, { limits: { groupWelcomeTemplates: 2 } });
  const image = await client.uploadMedia('image', 'banner.png', bytes(128));
  const added = await client.addGroupWelcomeTemplate({ text: { content: '欢迎 %NICKNAME% 入群' }, image: { media_id: image.media_id }, notify: 1 });
  assert.ok(added.template_id.length > 0);
  const got = await client.getGroupWelcomeTemplate(added.template_id);
  assert.equal(got.text?.content, '欢迎 %NICKNAME% 入群');
  assert.equal(got.image?.media_id, image.media_id);

  await client.editGroupWelcomeTemplate({ template_id: added.template_id, text: { content: '新欢迎语' }, link: { title: '活动', url: 'https://example.com/a' } });
  const edited = await client.getGroupWelcomeTemplate(added.template_id);
  assert.equal(edited.text?.content, '新欢迎语');
  assert.equal(edited.link?.url, 'https://example.com/a');

  const app2 = sdk({ secret: SECRET_2, agentId: AGENT_2 });
  assert.equal((await app2.getGroupWelcomeTemplate(added.template_id)).text?.content, '新欢迎语', 'reading is not restricted');
  await rejectsWith(app2.delGroupWelcomeTemplate(added.template_id), 41058, 'group_welcome_template_forbidden');
  await rejectsWith(app2.editGroupWelcomeTemplate({ template_id: added.template_id, text: { content: 'x' } }), 41058, 'group_welcome_template_forbidden');

  await rejectsWith(client.addGroupWelcomeTemplate({ image: { media_id: 'no-such-media' } }), 40007, 'invalid_media_id');
  await client.addGroupWelcomeTemplate({ text: { content: '第二个' } });
  await rejectsWith(client.addGroupWelcomeTemplate({ text: { content: '第三个' } }), 41055, 'group_welcome_template_limit');
  await client.delGroupWelcomeTemplate(added.template_id);
  await assert.rejects(client.getGroupWelcomeTemplate(added.template_id), (e: unknown) => e instanceof WecomApiError && e.errcode === 40037);
  await client.addGroupWelcomeTemplate({ text: { content: '删掉一个后又有位置' } });
});

// Spec §4 (groupchat/list): "No owner filter + visible range >1000 members → 81017." The SDK relies
// on it (api-groups.ts; errors.ts maps 81017 to too_many_items); the simulator lists regardless.
test('groupchat/list without owner_filter in a corp of more than 1000 members is 81017', async (t) => {
  const { sim, client } = await startContract(t);
  const staff = Array.from({ length: 1000 }, (_, i) => ({ userid: `s${i}`, name: `s${i}`, department: [1] }));
  await sim.control.bulkLoad(CORP, { members: staff, groups: [{ name: '大群', owner: 's1', members: [] }] });
  const owned = await client.listGroupChats({ limit: 10, owner_filter: { userid_list: ['s1'] } });
  assert.equal(owned.group_chat_list.length, 1, 'with an owner filter the list works');
  await rejectsWith(client.listGroupChats({ limit: 10 }), 81017, 'too_many_items');
});
