import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORP, startTestSim } from './test-support.ts';

test('bulk loads 10,000 contacts (two followers each, tags, groups) in one request, fast and without callbacks', async (t) => {
  const sim = await startTestSim();
  t.after(() => sim.stop());
  const members = Array.from({ length: 20 }, (_, i) => ({ userid: `staff${i}`, name: `员工${i}`, department: [2] }));
  const seed = await sim.control.bulkLoad(CORP, {
    departments: [{ id: 2, name: '客服部', parentid: 1 }], members,
    tags: [{ group_name: '等级', tag: [{ name: '新客' }, { name: '复购' }] }],
  });
  const [newTag, repeat] = seed.tag_group[0].tag.map((x) => x.id);
  const contacts = Array.from({ length: 10_000 }, (_, i) => ({
    name: `客户${i}`, unionid: `oUnion${i}`, gender: (i % 3) as 0 | 1 | 2,
    follow: [
      { userid: `staff${i % 20}`, createtime: 1_700_000_000 + i, state: 'seed', add_way: 1, tag_id: [i % 2 ? newTag : repeat] },
      { userid: `staff${(i + 1) % 20}`, createtime: 1_700_000_100 + i },
    ],
  }));
  const t0 = Date.now();
  const res = await sim.control.bulkLoad(CORP, {
    contacts,
    groups: [{ name: '老客群', owner: 'staff0', members: [{ userid: 'staff1', type: 1, join_time: 1_700_000_000, join_scene: 1 }] }],
  });
  const took = Date.now() - t0;
  assert.ok(took < 5000, `bulk load took ${took} ms`);
  assert.equal(res.external_userids.length, 10_000);
  assert.equal(new Set(res.external_userids).size, 10_000);
  assert.equal(res.chat_ids.length, 1);
  const snap = await sim.control.snapshot(CORP);
  assert.deepEqual(snap, { members: 22, contacts: 10_000, relations: 20_000, groups: 1, tags: 2, contact_ways: 0, callbacks_pending: 0 });
  assert.deepEqual(await sim.control.callbacks(CORP), []);

  // A full sync over the batch API sees every relation.
  let count = 0;
  let cursor = '';
  const t1 = Date.now();
  do {
    const r = await sim.api.post('/cgi-bin/externalcontact/batch/get_by_user', { userid_list: members.map((m) => m.userid), cursor, limit: 100 });
    count += r.external_contact_list.length;
    cursor = r.next_cursor;
  } while (cursor);
  assert.equal(count, 20_000);
  assert.ok(Date.now() - t1 < 10_000, `sync took ${Date.now() - t1} ms`);

  const bad = sim.control.bulkLoad(CORP, { contacts: [{ name: 'x', follow: [{ userid: 'ghost', createtime: 1 }] }] });
  await assert.rejects(bad, /no member ghost/);
  assert.equal((await sim.control.snapshot(CORP)).contacts, 10_000, 'a refused bulk load writes nothing');
});
