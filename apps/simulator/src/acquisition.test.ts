import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORP, field, startTestSim, waitFor, withCallback } from './test-support.ts';

const P = '/cgi-bin/externalcontact/customer_acquisition';

test('acquisition links: create, list, customers arriving with customer_channel as State, quota balance', async (t) => {
  const sim = await startTestSim({ limits: { acquisitionLinks: 1, acquisitionQuota: 10 } });
  const rx = await withCallback(sim);
  t.after(async () => {
    await sim.stop();
    await rx.close();
  });
  const created = await sim.api.post(`${P}/create_link`, { link_name: '小红书投放', range: { user_list: ['zhangsan'] } });
  assert.equal(created.errcode, 0);
  assert.match(created.link.url, /^https:\/\/work\.weixin\.qq\.com\/ca\//);
  assert.equal((await sim.api.post(`${P}/create_link`, { link_name: '第二个', range: { user_list: ['zhangsan'] } })).errcode, 41095);
  assert.deepEqual((await sim.api.post(`${P}/list_link`, {})).link_id_list, [created.link.link_id]);

  const u = await sim.control.createWechatUser(CORP, { name: '种草用户' });
  await sim.control.addFriend(CORP, { external_userid: u.external_userid, userid: 'zhangsan', link_id: created.link.link_id, state: 'xhs_note_42' });
  const cb = await waitFor(() => rx.received[0]);
  assert.equal(field(cb.xml, 'State'), 'xhs_note_42');
  const customers = await sim.api.post(`${P}/customer`, { link_id: created.link.link_id });
  assert.deepEqual(customers.customer_list, [{ external_userid: u.external_userid, userid: 'zhangsan', chat_status: 0, state: 'xhs_note_42' }]);
  const quota = await sim.api.get('/cgi-bin/externalcontact/customer_acquisition_quota');
  assert.equal(quota.total, 10);
  assert.equal(quota.balance, 9);
  await assert.rejects(
    sim.control.addFriend(CORP, { external_userid: u.external_userid, userid: 'lisi', link_id: created.link.link_id }),
    /not in the range/,
  );
  assert.equal((await sim.api.post(`${P}/update_link`, { link_id: created.link.link_id, link_name: '改名' })).errcode, 0);
  assert.equal((await sim.api.post(`${P}/get`, { link_id: created.link.link_id })).link.link_name, '改名');
  assert.equal((await sim.api.post(`${P}/delete_link`, { link_id: created.link.link_id })).errcode, 0);
  assert.equal((await sim.api.post(`${P}/get`, { link_id: created.link.link_id })).errcode, 40058);
});

test('media upload rules: multipart required (44001), bad type (40004), size (40006)', async (t) => {
  const sim = await startTestSim();
  t.after(() => sim.stop());
  const token = await sim.api.token();
  const up = async (query: string, bytes: number) => {
    const form = new FormData();
    form.append('media', new Blob([Buffer.alloc(bytes, 1)]), 'f.bin');
    return (await (await fetch(`${sim.url}${query}&access_token=${token}`, { method: 'POST', body: form })).json()) as Record<string, any>;
  };
  assert.equal((await up('/cgi-bin/media/upload?type=file', 100)).errcode, 0);
  assert.equal((await up('/cgi-bin/media/upload?type=sticker', 100)).errcode, 40004);
  assert.equal((await up('/cgi-bin/media/upload?type=voice', 3 * 1024 * 1024)).errcode, 40006);
  assert.equal((await sim.api.post('/cgi-bin/media/upload', {}, { type: 'image' })).errcode, 44001);
  const img = await up('/cgi-bin/media/uploadimg?x=1', 100);
  assert.match(img.url, /^https:\/\/wework\.qpic\.cn\//);
});
