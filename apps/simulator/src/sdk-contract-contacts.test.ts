// Contract, spec §2 customers: follow users, customer lists, details (follow_user paged past the
// page size), batch/get_by_user paging and the SDK's 100-userid chunking, remarks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WecomApiError } from '@siyu/wecom';
import type { BatchContact, ContactsCheckpoint } from '@siyu/wecom';
import { CORP, ID, allPages, befriend, rejectsWith, startContract } from './sdk-contract-support.ts';

test('customers: follow users, list, get with the channel state, remark', async (t) => {
  const { sim, client } = await startContract(t);
  await sim.control.addMember(CORP, { userid: 'intern', name: '实习生', department: [1], customer_contact: false });
  assert.deepEqual((await client.getFollowUserList()).follow_user, ['zhangsan', 'lisi'], 'only members with customer contact');

  const a = await befriend(sim, 'zhangsan', { name: '小红', state: 'douyin_0612' });
  const b = await befriend(sim, 'zhangsan', { name: '小明' });
  await sim.control.addFriend(CORP, { external_userid: a.ext, userid: 'lisi', add_way: 3 });
  assert.match(a.ext, ID.external);
  assert.deepEqual((await client.listExternalContacts('zhangsan')).external_userid, [a.ext, b.ext]);
  assert.deepEqual((await client.listExternalContacts('lisi')).external_userid, [a.ext]);

  const detail = await client.getExternalContact(a.ext);
  assert.equal(detail.external_contact.external_userid, a.ext);
  assert.equal(detail.external_contact.name, '小红');
  assert.equal(detail.external_contact.type, 1);
  assert.equal(detail.next_cursor ?? '', '');
  assert.deepEqual(detail.follow_user.map((f) => f.userid), ['zhangsan', 'lisi']);
  const [z, l] = detail.follow_user;
  assert.equal(z.state, 'douyin_0612', 'the channel attribution');
  assert.equal(typeof z.createtime, 'number');
  assert.equal(l.add_way, 3);
  assert.equal(l.state, undefined);

  await client.remark({ userid: 'zhangsan', external_userid: a.ext, remark: '老客户', description: '618 复购', remark_mobiles: ['13800000000'] });
  const after = (await client.getExternalContact(a.ext)).follow_user.find((f) => f.userid === 'zhangsan');
  assert.equal(after?.remark, '老客户');
  assert.equal(after?.description, '618 复购');
  assert.deepEqual(after?.remark_mobiles, ['13800000000']);
  await client.remark({ userid: 'zhangsan', external_userid: a.ext, remark_mobiles: [''] });
  assert.deepEqual((await client.getExternalContact(a.ext)).follow_user[0].remark_mobiles, [], '[""] clears');
});

test('customer errors: 40096 unknown external_userid, 84061 no relation, 40058 over-long remark, 60111 unknown member', async (t) => {
  const { sim, client } = await startContract(t);
  const a = await befriend(sim, 'zhangsan');
  await rejectsWith(client.getExternalContact('wmNoSuchCustomer000000000000000'), 40096, 'invalid_external_userid');
  await rejectsWith(client.remark({ userid: 'lisi', external_userid: a.ext, remark: 'x' }), 84061, 'no_relationship');
  await rejectsWith(client.listExternalContacts('lisi'), 84061, 'no_relationship', 'WeCom answers 84061 for a member without customers');
  await rejectsWith(client.remark({ userid: 'zhangsan', external_userid: a.ext, remark: '一'.repeat(21) }), 40058, 'invalid_param');
  await rejectsWith(client.listExternalContacts('ghost'), 60111, 'userid_not_found');
  await rejectsWith(client.batchGetByUser({ userid_list: ['ghost'] }), 60111, 'userid_not_found');
  await sim.control.deleteByCustomer(CORP, { userid: 'zhangsan', external_userid: a.ext });
  await rejectsWith(client.getExternalContact(a.ext), 84061, 'no_relationship', 'a customer without any follower');
});

test('get pages follow_user through next_cursor; batch/get_by_user pages through next_cursor with limit 50 by default', async (t) => {
  const members = ['zhangsan', 'lisi', 'm1', 'm2', 'm3'];
  const { sim, client } = await startContract(t, { limits: { followUserPage: 2 } }, members);
  const loaded = await sim.control.bulkLoad(CORP, {
    contacts: [
      { name: '人气王', follow: members.map((userid, i) => ({ userid, createtime: 1_700_000_000 + i })) },
      ...Array.from({ length: 120 }, (_, i) => ({ name: `c${i}`, follow: [{ userid: 'lisi', createtime: 1_700_000_100 + i, state: `ch${i % 3}` }] })),
    ],
  });
  const [star, ...rest] = loaded.external_userids;
  const followers = await allPages(async (cursor) => {
    const r = await client.getExternalContact(star, cursor);
    assert.equal(r.external_contact.external_userid, star);
    return { items: r.follow_user, next_cursor: r.next_cursor };
  });
  assert.equal(followers.pages, 3);
  assert.deepEqual(followers.items.map((f) => f.userid), members, 'every follower once, oldest first');

  const first = await client.batchGetByUser({ userid_list: ['lisi'] });
  assert.equal(first.external_contact_list.length, 50, 'limit defaults to 50');
  const batch = await allPages(async (cursor) => {
    const r = await client.batchGetByUser({ userid_list: ['lisi', 'zhangsan'], limit: 100, cursor });
    return { items: r.external_contact_list, next_cursor: r.next_cursor };
  });
  assert.equal(batch.pages, 2);
  assert.equal(batch.items.length, 122, "lisi's 121 and zhangsan's 1");
  const lisi = batch.items.filter((c) => c.follow_info.userid === 'lisi');
  assert.deepEqual(new Set(lisi.map((c) => c.external_contact.external_userid)), new Set([star, ...rest]));
  const sample = lisi.find((c) => c.external_contact.external_userid === rest[4]);
  assert.equal(sample?.follow_info.state, 'ch1', 'follow_info carries the state');
  assert.deepEqual(sample?.follow_info.tag_id, []);
  await rejectsWith(client.batchGetByUser({ userid_list: ['lisi'], limit: 101 }), 40058, 'invalid_param');
  // A bad cursor: the simulator's 50100 (README), no SDK kind for it, but typed.
  await assert.rejects(client.batchGetByUser({ userid_list: ['lisi'], cursor: 'not-a-cursor!' }), (e: unknown) => e instanceof WecomApiError && e.errcode === 50100);
});

test('iterateContactsByUser: 150 members go 100 per call; a checkpoint resumes where it stopped', async (t) => {
  const { sim, client, calls } = await startContract(t);
  const userids = Array.from({ length: 150 }, (_, i) => `u${String(i).padStart(3, '0')}`);
  await sim.control.bulkLoad(CORP, {
    members: userids.map((userid) => ({ userid, name: userid, department: [1] })),
    contacts: userids.flatMap((userid, i) => Array.from({ length: i % 4 }, (_, k) => ({ name: `${userid}-${k}`, follow: [{ userid, createtime: 1_700_000_000 + k }] }))),
  });
  const expected = userids.reduce((n, _, i) => n + (i % 4), 0);

  const seen: BatchContact[] = [];
  const checkpoints: ContactsCheckpoint[] = [];
  for await (const page of client.iterateContactsByUser(userids, 40)) {
    assert.ok(page.userids.length <= 100, 'WeCom takes at most 100 userids');
    assert.ok(page.items.length <= 40);
    seen.push(...page.items);
    if (page.next) checkpoints.push(page.next);
    else assert.equal(page.chunk, 1, 'the walk ends in the last chunk');
  }
  assert.equal(seen.length, expected);
  assert.equal(new Set(seen.map((c) => c.external_contact.external_userid)).size, expected, 'no customer twice');
  assert.ok(calls.every((c) => c.errcode === 0), 'the simulator accepted every chunk');

  // Resume from a checkpoint in the middle: exactly the rest comes back.
  const at = checkpoints[Math.floor(checkpoints.length / 2)];
  const before = await (async () => {
    let n = 0;
    for await (const page of client.iterateContactsByUser(userids, 40)) {
      n += page.items.length;
      if (page.next && page.next.chunk === at.chunk && page.next.cursor === at.cursor) return n;
    }
    return n;
  })();
  let resumed = 0;
  for await (const page of client.iterateContactsByUser(userids, 40, at)) resumed += page.items.length;
  assert.equal(before + resumed, expected);
});
