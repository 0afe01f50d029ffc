// Contract, spec §2 corp tags: add/list/edit/del with 'et' ids, mark_tag on one relation (no
// callback, spec §0), app ownership (301002) and the corp tag limit (40126).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGENT_2, CORP, ID, SECRET_2, befriend, rejectsWith, startContract } from './sdk-contract-support.ts';

test('corp tags: add into a new and an existing group, list with filters, edit, delete', async (t) => {
  const { client } = await startContract(t);
  const added = await client.addCorpTag({ group_name: '客户等级', order: 5, tag: [{ name: 'VIP', order: 2 }, { name: '普通', order: 1 }] });
  const gid = added.tag_group.group_id;
  assert.match(gid, ID.tag);
  assert.equal(added.tag_group.group_name, '客户等级');
  assert.deepEqual(added.tag_group.tag.map((x) => x.name), ['VIP', '普通'], 'higher order first');
  for (const tag of added.tag_group.tag) assert.match(tag.id, ID.tag);
  const [vip, normal] = added.tag_group.tag.map((x) => x.id);

  const more = await client.addCorpTag({ group_id: gid, tag: [{ name: '黑金', order: 9 }] });
  assert.equal(more.tag_group.group_id, gid);
  assert.deepEqual(more.tag_group.tag.map((x) => x.name), ['黑金'], 'the answer lists the new tags');
  const gold = more.tag_group.tag[0].id;
  const other = await client.addCorpTag({ group_name: '兴趣', order: 1, tag: [{ name: '美妆' }] });

  const all = await client.getCorpTagList();
  assert.deepEqual(all.tag_group.map((g) => g.group_name), ['客户等级', '兴趣'], 'groups by order, higher first');
  assert.deepEqual(all.tag_group[0].tag.map((x) => x.id), [gold, vip, normal]);
  assert.equal(typeof all.tag_group[0].create_time, 'number');
  const byTag = await client.getCorpTagList({ tag_id: [vip] });
  assert.deepEqual(byTag.tag_group.map((g) => [g.group_id, g.tag.map((x) => x.id)]), [[gid, [vip]]]);
  const byGroup = await client.getCorpTagList({ group_id: [other.tag_group.group_id], tag_id: [vip] });
  assert.deepEqual(byGroup.tag_group.map((g) => g.group_name), ['兴趣'], 'group_id wins when both are given');

  await client.editCorpTag({ id: vip, name: 'VIP会员', order: 20 });
  await client.editCorpTag({ id: gid, name: '会员等级' });
  const edited = await client.getCorpTagList({ group_id: [gid] });
  assert.equal(edited.tag_group[0].group_name, '会员等级');
  assert.deepEqual(edited.tag_group[0].tag.map((x) => x.name), ['VIP会员', '黑金', '普通']);

  await client.delCorpTag({ tag_id: [normal] });
  assert.deepEqual((await client.getCorpTagList({ group_id: [gid] })).tag_group[0].tag.map((x) => x.id), [vip, gold]);
  await client.delCorpTag({ group_id: [gid] });
  assert.deepEqual((await client.getCorpTagList()).tag_group.map((g) => g.group_name), ['兴趣']);
  await rejectsWith(client.editCorpTag({ id: vip, name: 'x' }), 40068, 'invalid_tag_id', 'deleted with its group');
});

test('mark_tag: tags on one relation show in get and batch; no callback for an API write', async (t) => {
  const { sim, client } = await startContract(t);
  const { tag_group } = await client.addCorpTag({ group_name: '渠道', tag: [{ name: '抖音' }, { name: '小红书' }] });
  const [douyin, xhs] = tag_group.tag.map((x) => x.id);
  const a = await befriend(sim, 'zhangsan');
  await sim.control.addFriend(CORP, { external_userid: a.ext, userid: 'lisi' });

  await client.markTag({ userid: 'zhangsan', external_userid: a.ext, add_tag: [douyin, xhs] });
  const detail = await client.getExternalContact(a.ext);
  const z = detail.follow_user.find((f) => f.userid === 'zhangsan');
  const l = detail.follow_user.find((f) => f.userid === 'lisi');
  assert.deepEqual(
    z?.tags?.map((x) => [x.tag_id, x.tag_name, x.group_name, x.type]),
    [[douyin, '抖音', '渠道', 1], [xhs, '小红书', '渠道', 1]],
  );
  assert.deepEqual(l?.tags, [], 'one relation only');
  const batch = await client.batchGetByUser({ userid_list: ['zhangsan'] });
  assert.deepEqual(batch.external_contact_list[0].follow_info.tag_id, [douyin, xhs]);

  await client.markTag({ userid: 'zhangsan', external_userid: a.ext, remove_tag: [douyin] });
  assert.deepEqual((await client.batchGetByUser({ userid_list: ['zhangsan'] })).external_contact_list[0].follow_info.tag_id, [xhs]);
  await client.delCorpTag({ tag_id: [xhs] });
  assert.deepEqual((await client.batchGetByUser({ userid_list: ['zhangsan'] })).external_contact_list[0].follow_info.tag_id, [], 'a deleted tag leaves the relation');

  const log = await sim.control.callbacks(CORP);
  assert.deepEqual(log.map((e) => e.change_type), ['add_external_contact', 'add_external_contact'], 'no edit_external_contact / change_external_tag for API writes');

  await rejectsWith(client.markTag({ userid: 'zhangsan', external_userid: a.ext, add_tag: ['etNoSuchTag000000000000000000000'] }), 40068, 'invalid_tag_id');
  await rejectsWith(client.markTag({ userid: 'zhangsan', external_userid: 'wmNoSuchCustomer000000000000000', add_tag: [douyin] }), 40096, 'invalid_external_userid');
});

test('tag errors: 41018 missing name, 301002 another app, 40126 at a low configured limit', async (t) => {
  const { sdk, client } = await startContract(t, { limits: { corpTags: 3 } });
  await rejectsWith(client.addCorpTag({ group_name: '空', tag: [] }), 41018, 'tag_name_missing');
  await rejectsWith(client.addCorpTag({ group_name: '空', tag: [{ name: '' }] }), 41018, 'tag_name_missing');
  const { tag_group } = await client.addCorpTag({ group_name: '等级', tag: [{ name: 'A' }, { name: 'B' }] });

  const app2 = sdk({ secret: SECRET_2, agentId: AGENT_2 });
  await rejectsWith(app2.editCorpTag({ id: tag_group.tag[0].id, name: '改名' }), 301002, 'not_app_owned');
  await rejectsWith(app2.delCorpTag({ group_id: [tag_group.group_id] }), 301002, 'not_app_owned');

  await rejectsWith(client.addCorpTag({ group_id: tag_group.group_id, tag: [{ name: 'C' }, { name: 'D' }] }), 40126, 'tag_limit');
  const count = (await client.getCorpTagList()).tag_group.reduce((n, g) => n + g.tag.length, 0);
  assert.equal(count, 2, 'a refused add creates nothing');
  await client.addCorpTag({ group_id: tag_group.group_id, tag: [{ name: 'C' }] });
  await rejectsWith(app2.addCorpTag({ group_name: '别的', tag: [{ name: 'X' }] }), 40126, 'tag_limit', 'the limit is per corp, not per app');
});
