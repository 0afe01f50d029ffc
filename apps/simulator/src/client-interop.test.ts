// The production client of packages/wecom against the simulator over real HTTP: the seam Siyu
// relies on (only the base URL differs from production).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTokenCache, createWecomClient, parseCallbackEvent } from '@siyu/wecom';
import { AGENT, CORP, SECRET, startTestSim, waitFor, withCallback } from './test-support.ts';

test('packages/wecom client: token, retries on injected 45009, batch paging; its parser reads the simulator callbacks', async (t) => {
  const sim = await startTestSim();
  const rx = await withCallback(sim);
  t.after(async () => {
    await sim.stop();
    await rx.close();
  });
  const client = createWecomClient({
    corpId: CORP, secret: SECRET, agentId: AGENT, baseUrl: sim.url, tokenCache: createTokenCache(), retry: { baseDelayMs: 10, maxDelayMs: 20 },
  });
  const follow = await client.call<{ follow_user: string[] }>('GET', '/cgi-bin/externalcontact/get_follow_user_list');
  assert.deepEqual(follow.follow_user, ['zhangsan', 'lisi']);

  await sim.control.addFault({ corpid: CORP, api: '/cgi-bin/externalcontact/add_contact_way', errcode: 45009, count: 1 });
  const way = await client.call<{ config_id: string }>('POST', '/cgi-bin/externalcontact/add_contact_way', {
    body: { type: 1, scene: 2, user: ['zhangsan'], state: 'interop' },
  });
  assert.match(way.config_id, /^[0-9a-f]{32}$/);

  const u = await sim.control.createWechatUser(CORP, { name: '互通' });
  await sim.control.scanContactWay(CORP, { external_userid: u.external_userid, config_id: way.config_id });
  const g = await sim.control.createGroup(CORP, { owner: 'zhangsan', name: '群' });
  await sim.control.joinGroup(CORP, g.chat_id, { external_userid: u.external_userid });
  await waitFor(() => rx.received.length === 3);
  const [add, create, join] = rx.received.map((r) => parseCallbackEvent(r.xml));
  assert.equal(add.kind, 'change_external_contact');
  if (add.kind === 'change_external_contact' && add.ChangeType === 'add_external_contact') {
    assert.equal(add.State, 'interop');
    assert.equal(add.ExternalUserID, u.external_userid);
    assert.equal(typeof add.WelcomeCode, 'string');
  } else assert.fail('add_external_contact expected');
  assert.equal(create.kind === 'change_external_chat' && create.ChangeType, 'create');
  if (join.kind === 'change_external_chat' && join.ChangeType === 'update') {
    assert.deepEqual(join.MemChangeList, [u.external_userid]);
    assert.equal(join.JoinScene, 0);
  } else assert.fail('update expected');

  await sim.control.bulkLoad(CORP, { contacts: Array.from({ length: 120 }, (_, i) => ({ name: `c${i}`, follow: [{ userid: 'lisi', createtime: 1_700_000_000 + i }] })) });
  const page1 = await client.call<{ external_contact_list: unknown[]; next_cursor: string }>('POST', '/cgi-bin/externalcontact/batch/get_by_user', {
    body: { userid_list: ['lisi'], limit: 100 },
  });
  assert.equal(page1.external_contact_list.length, 100);
  const page2 = await client.call<{ external_contact_list: unknown[]; next_cursor: string }>('POST', '/cgi-bin/externalcontact/batch/get_by_user', {
    body: { userid_list: ['lisi'], limit: 100, cursor: page1.next_cursor },
  });
  assert.equal(page2.external_contact_list.length, 20);
  assert.equal(page2.next_cursor, '');
});
