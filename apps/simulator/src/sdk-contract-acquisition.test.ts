// Contract, spec §8: customer acquisition links (获客助手): create/get/update/list/delete, the
// customers a link brought (with customer_channel as state), the quota balance, 41095.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORP, allPages, rejectsWith, startContract } from './sdk-contract-support.ts';

test('acquisition links: create, get, update, list pages, delete', async (t) => {
  const { client } = await startContract(t);
  const created = await client.createAcquisitionLink({ link_name: '抖音投放', range: { user_list: ['zhangsan'] }, skip_verify: true });
  const link = created.link;
  assert.ok(link.link_id.length > 0);
  assert.equal(link.link_name, '抖音投放');
  assert.ok(link.url.startsWith('https://work.weixin.qq.com/ca/'), link.url);
  assert.equal(typeof link.create_time, 'number');

  const got = await client.getAcquisitionLink(link.link_id);
  assert.equal(got.link.link_name, '抖音投放');
  assert.equal(got.link.url, link.url);
  assert.deepEqual(got.range.user_list, ['zhangsan']);
  assert.equal(got.skip_verify, true);

  await client.updateAcquisitionLink({
    link_id: link.link_id, link_name: '抖音投放-二期', range: { user_list: ['zhangsan', 'lisi'], department_list: [1] }, skip_verify: false,
    priority_option: { priority_type: 1, priority_userid_list: ['lisi'] },
  });
  const updated = await client.getAcquisitionLink(link.link_id);
  assert.equal(updated.link.link_name, '抖音投放-二期');
  assert.deepEqual(updated.range, { user_list: ['zhangsan', 'lisi'], department_list: [1] });
  assert.equal(updated.skip_verify, false);
  assert.deepEqual(updated.priority_option, { priority_type: 1, priority_userid_list: ['lisi'] });

  const ids = [link.link_id];
  for (let i = 0; i < 4; i++) ids.push((await client.createAcquisitionLink({ link_name: `链接${i}`, range: { user_list: ['lisi'] } })).link.link_id);
  const listed = await allPages(async (cursor) => {
    const r = await client.listAcquisitionLinks({ limit: 2, cursor });
    return { items: r.link_id_list, next_cursor: r.next_cursor };
  });
  assert.equal(listed.pages, 3);
  assert.deepEqual(new Set(listed.items), new Set(ids));

  await client.deleteAcquisitionLink(link.link_id);
  assert.equal((await client.listAcquisitionLinks()).link_id_list.includes(link.link_id), false);
  await rejectsWith(client.getAcquisitionLink(link.link_id), 40058, 'invalid_param', 'an unknown link_id (README)');
  await rejectsWith(client.createAcquisitionLink({ link_name: '空', range: {} }), 40058, 'invalid_param');
  await rejectsWith(client.createAcquisitionLink({ link_name: '谁', range: { user_list: ['ghost'] } }), 60111, 'userid_not_found');
});

test('acquisition customers: customer_channel comes back as state, pages through next_cursor, uses the quota', async (t) => {
  const { sim, client } = await startContract(t, { limits: { acquisitionQuota: 100 } });
  const quota = await client.acquisitionQuota();
  assert.equal(quota.total, 100);
  assert.equal(quota.balance, 100);
  assert.equal(quota.quota_list?.[0].balance, 100);

  const { link } = await client.createAcquisitionLink({ link_name: '小红书', range: { user_list: ['zhangsan', 'lisi'] } });
  const arrived: Array<[string, string]> = [];
  for (const [userid, channel] of [['zhangsan', 'xhs_note_1'], ['lisi', 'xhs_note_2'], ['zhangsan', 'xhs_note_3']]) {
    const { external_userid } = await sim.control.createWechatUser(CORP, { name: channel });
    await sim.control.addFriend(CORP, { external_userid, userid, state: channel, link_id: link.link_id });
    arrived.push([external_userid, userid]);
  }
  const customers = await allPages(async (cursor) => {
    const r = await client.acquisitionCustomers({ link_id: link.link_id, limit: 2, cursor });
    return { items: r.customer_list, next_cursor: r.next_cursor };
  });
  assert.equal(customers.pages, 2);
  assert.deepEqual(
    customers.items.map((c) => [c.external_userid, c.userid, c.state, c.chat_status]),
    arrived.map(([ext, userid], i) => [ext, userid, `xhs_note_${i + 1}`, 0]),
  );
  const follow = (await client.getExternalContact(arrived[1][0])).follow_user[0];
  assert.equal(follow.state, 'xhs_note_2', 'customer_channel is the channel attribution');
  assert.equal((await client.acquisitionQuota()).balance, 97);
});

test('acquisition errors: 41095 past the link limit', async (t) => {
  const { client } = await startContract(t, { limits: { acquisitionLinks: 2 } });
  const first = await client.createAcquisitionLink({ link_name: 'a', range: { user_list: ['zhangsan'] } });
  await client.createAcquisitionLink({ link_name: 'b', range: { user_list: ['zhangsan'] } });
  await rejectsWith(client.createAcquisitionLink({ link_name: 'c', range: { user_list: ['zhangsan'] } }), 41095, 'acquisition_link_limit');
  await client.deleteAcquisitionLink(first.link.link_id);
  await client.createAcquisitionLink({ link_name: 'c', range: { user_list: ['zhangsan'] } });
});
