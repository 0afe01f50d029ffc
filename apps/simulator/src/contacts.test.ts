import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORP, startTestSim } from './test-support.ts';

const P = '/cgi-bin/externalcontact';

test('batch/get_by_user pages 250 contacts across two members with an opaque cursor', async (t) => {
  const sim = await startTestSim({}, ['zhangsan', 'lisi', 'nobody']);
  t.after(() => sim.stop());
  const tags = await sim.api.post(`${P}/add_corp_tag`, { group_name: '等级', tag: [{ name: 'VIP' }] });
  const vip = tags.tag_group.tag[0].id as string;
  const contacts = Array.from({ length: 250 }, (_, i) => ({
    name: `客户${i}`, follow: [{ userid: i < 150 ? 'zhangsan' : 'lisi', createtime: 1_700_000_000 + i, state: `s${i}`, add_way: 1, tag_id: i % 2 ? [vip] : [] }],
  }));
  const { external_userids } = await sim.control.bulkLoad(CORP, { contacts });
  assert.equal(external_userids.length, 250);

  const seen: string[] = [];
  let cursor = '';
  let pages = 0;
  do {
    const r = await sim.api.post(`${P}/batch/get_by_user`, { userid_list: ['zhangsan', 'lisi', 'nobody'], cursor, limit: 100 });
    assert.equal(r.errcode, 0);
    assert.ok(r.external_contact_list.length <= 100);
    for (const item of r.external_contact_list) {
      seen.push(item.external_contact.external_userid);
      assert.equal(typeof item.follow_info.createtime, 'number');
      assert.ok(Array.isArray(item.follow_info.tag_id));
    }
    cursor = r.next_cursor;
    pages++;
  } while (cursor);
  assert.equal(pages, 3);
  assert.deepEqual(seen, external_userids, 'every contact once, in order');
  const first = await sim.api.post(`${P}/batch/get_by_user`, { userid_list: ['zhangsan'] });
  assert.equal(first.external_contact_list.length, 50, 'default limit 50');
  assert.equal(first.external_contact_list[1].follow_info.state, 's1');
  assert.deepEqual(first.external_contact_list[1].follow_info.tag_id, [vip]);
  assert.equal((await sim.api.post(`${P}/batch/get_by_user`, { userid_list: ['zhangsan'], limit: 101 })).errcode, 40058);
  assert.equal((await sim.api.post(`${P}/batch/get_by_user`, { userid_list: Array(101).fill('zhangsan') })).errcode, 40058);
  assert.equal((await sim.api.post(`${P}/batch/get_by_user`, { userid_list: ['zhangsan'], cursor: '%%%' })).errcode, 50100);

  const list = await sim.api.get(`${P}/list`, { userid: 'lisi' });
  assert.equal(list.external_userid.length, 100);
  assert.equal((await sim.api.get(`${P}/list`, { userid: 'nobody' })).errcode, 84061, 'WeCom answers 84061 for a member without customers');
  const detail = await sim.api.get(`${P}/get`, { external_userid: external_userids[1] });
  assert.deepEqual(detail.follow_user[0].tags, [{ group_name: '等级', tag_name: 'VIP', tag_id: vip, type: 1 }]);
  assert.equal((await sim.api.get(`${P}/get`, { external_userid: 'wmnope' })).errcode, 40096);
});

test('externalcontact/get pages follow_user past 500 followers', async (t) => {
  const members = Array.from({ length: 501 }, (_, i) => `m${i}`);
  const sim = await startTestSim();
  t.after(() => sim.stop());
  const { external_userids } = await sim.control.bulkLoad(CORP, {
    members: members.map((userid) => ({ userid, name: userid, department: [1] })),
    contacts: [{ name: '人气王', follow: members.map((userid, i) => ({ userid, createtime: 1_700_000_000 + i })) }],
  });
  const p1 = await sim.api.get(`${P}/get`, { external_userid: external_userids[0] });
  assert.equal(p1.follow_user.length, 500);
  assert.notEqual(p1.next_cursor, '');
  const p2 = await sim.api.get(`${P}/get`, { external_userid: external_userids[0], cursor: p1.next_cursor });
  assert.deepEqual(p2.follow_user.map((f: { userid: string }) => f.userid), ['m500']);
  assert.equal(p2.next_cursor, '');
});

test('remark and mark_tag change the relation without any callback', async (t) => {
  const sim = await startTestSim();
  t.after(() => sim.stop());
  const u = await sim.control.createWechatUser(CORP, { name: '赵姐' });
  await sim.control.addFriend(CORP, { external_userid: u.external_userid, userid: 'zhangsan' });
  const tags = await sim.api.post(`${P}/add_corp_tag`, { group_name: '兴趣', tag: [{ name: '阿胶' }, { name: '燕窝' }] });
  const [a, b] = tags.tag_group.tag.map((x: { id: string }) => x.id);
  const base = { userid: 'zhangsan', external_userid: u.external_userid };
  assert.equal((await sim.api.post(`${P}/remark`, { ...base, remark: '老客户', description: '爱买阿胶', remark_mobiles: ['13800000000'] })).errcode, 0);
  assert.equal((await sim.api.post(`${P}/remark`, { ...base, remark: 'x'.repeat(21) })).errcode, 40058);
  assert.equal((await sim.api.post(`${P}/remark`, base)).errcode, 40058);
  assert.equal((await sim.api.post(`${P}/mark_tag`, { ...base, add_tag: [a, b] })).errcode, 0);
  assert.equal((await sim.api.post(`${P}/mark_tag`, { ...base, remove_tag: [a] })).errcode, 0);
  assert.equal((await sim.api.post(`${P}/mark_tag`, { ...base, add_tag: ['etnope'] })).errcode, 40068);
  assert.equal((await sim.api.post(`${P}/mark_tag`, { userid: 'lisi', external_userid: u.external_userid, add_tag: [a] })).errcode, 84061);
  const f = (await sim.api.get(`${P}/get`, { external_userid: u.external_userid })).follow_user[0];
  assert.equal(f.remark, '老客户');
  assert.deepEqual(f.remark_mobiles, ['13800000000']);
  assert.deepEqual(f.tags.map((x: { tag_id: string }) => x.tag_id), [b]);
  const log = await sim.control.callbacks(CORP, { includeXml: true });
  assert.deepEqual(log.map((d) => d.change_type), ['add_external_contact'], 'API writes send no callbacks');
  assert.equal(log[0].status, 'failed');
  assert.equal(log[0].last_error, 'no callback URL set');
  assert.match(log[0].xml ?? '', /<ExternalUserID><!\[CDATA\[wm/);
});
