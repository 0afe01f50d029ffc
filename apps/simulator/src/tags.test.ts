import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORP, startTestSim } from './test-support.ts';

const P = '/cgi-bin/externalcontact';

test('corp tags: limit (40126), duplicate names (40071), missing name (41018), order, group merge and delete', async (t) => {
  const sim = await startTestSim({ limits: { corpTags: 5 } });
  t.after(() => sim.stop());
  const add = (body: unknown) => sim.api.post(`${P}/add_corp_tag`, body);
  const g = await add({ group_name: '客户等级', order: 1, tag: [{ name: '普通', order: 1 }, { name: 'VIP', order: 9 }] });
  assert.equal(g.errcode, 0);
  assert.match(g.tag_group.group_id, /^et/);
  assert.deepEqual(g.tag_group.tag.map((x: { name: string }) => x.name), ['VIP', '普通'], 'higher order first');
  const same = await add({ group_name: '客户等级', tag: [{ name: 'SVIP' }] });
  assert.equal(same.tag_group.group_id, g.tag_group.group_id, 'an existing group name adds to that group');
  assert.equal((await add({ group_id: g.tag_group.group_id, tag: [{ name: 'VIP' }] })).errcode, 40071);
  assert.equal((await add({ group_name: '渠道', tag: [{ name: '' }] })).errcode, 41018);
  assert.equal((await add({ group_name: '渠道', tag: [{ name: '抖音' }, { name: '快手' }] })).errcode, 0);
  assert.equal((await add({ group_name: '渠道', tag: [{ name: '小红书' }] })).errcode, 40126, 'the 6th tag is over the limit of 5');
  assert.equal((await add({ group_id: 'etunknown', tag: [{ name: 'x' }] })).errcode, 40068);

  const all = await sim.api.post(`${P}/get_corp_tag_list`, {});
  assert.equal(all.tag_group.length, 2);
  const onlyVip = await sim.api.post(`${P}/get_corp_tag_list`, { tag_id: [g.tag_group.tag[0].id] });
  assert.deepEqual(onlyVip.tag_group[0].tag.map((x: { name: string }) => x.name), ['VIP']);

  assert.equal((await sim.api.post(`${P}/del_corp_tag`, { group_id: [g.tag_group.group_id] })).errcode, 0);
  assert.equal((await sim.api.post(`${P}/get_corp_tag_list`, {})).tag_group.length, 1);
  assert.equal((await add({ group_name: '新', tag: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] })).errcode, 0, 'deleted tags free the quota');
});

test('an app edits or deletes only the tags it created (301002); bulk-loaded tags stay editable', async (t) => {
  const sim = await startTestSim();
  t.after(() => sim.stop());
  const mine = await sim.api.post(`${P}/add_corp_tag`, { group_name: '应用A', tag: [{ name: 't1' }] });
  const other = await sim.api.token('app-secret-2');
  const call = async (path: string, body: unknown) =>
    (await (await fetch(`${sim.url}${path}?access_token=${other}`, { method: 'POST', body: JSON.stringify(body) })).json()) as Record<string, any>;
  assert.equal((await call(`${P}/edit_corp_tag`, { id: mine.tag_group.tag[0].id, name: 't2' })).errcode, 301002);
  assert.equal((await call(`${P}/del_corp_tag`, { tag_id: [mine.tag_group.tag[0].id] })).errcode, 301002);
  assert.equal((await sim.api.post(`${P}/edit_corp_tag`, { id: mine.tag_group.tag[0].id, name: 't2', order: 3 })).errcode, 0);

  const seeded = await sim.control.bulkLoad(CORP, { tags: [{ group_name: '种子', tag: [{ name: '老客' }] }] });
  const seededId = seeded.tag_group[0].tag[0].id;
  assert.equal((await call(`${P}/edit_corp_tag`, { id: seededId, name: '老客户' })).errcode, 0);
  assert.equal((await call(`${P}/edit_corp_tag`, { id: 'etnope', name: 'x' })).errcode, 40068);
  assert.equal((await call(`${P}/del_corp_tag`, { tag_id: [seededId] })).errcode, 0);
  const left = await sim.api.post(`${P}/get_corp_tag_list`, {});
  assert.deepEqual(left.tag_group.map((g: { group_name: string }) => g.group_name), ['应用A'], 'a group whose last tag is deleted goes too');
});
