import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORP, field, startTestSim, waitFor, withCallback } from './test-support.ts';

test('population mode: new WeChat users scan the given contact ways and real callbacks arrive; rate 0 stops it', async (t) => {
  const sim = await startTestSim();
  const rx = await withCallback(sim);
  t.after(async () => {
    await sim.stop();
    await rx.close();
  });
  const way = await sim.api.post('/cgi-bin/externalcontact/add_contact_way', { type: 2, scene: 2, user: ['zhangsan', 'lisi'], state: 'demo_pop' });
  await sim.control.setPopulation(CORP, { rate_per_minute: 600, config_ids: [way.config_id] });
  await waitFor(() => rx.received.filter((r) => field(r.xml, 'ChangeType') === 'add_external_contact').length >= 3, 8000);
  await sim.control.setPopulation(CORP, { rate_per_minute: 0 });
  const add = rx.received.find((r) => field(r.xml, 'ChangeType') === 'add_external_contact');
  assert.equal(field(add!.xml, 'State'), 'demo_pop');
  const ext = field(add!.xml, 'ExternalUserID')!;
  const detail = await sim.api.get('/cgi-bin/externalcontact/get', { external_userid: ext });
  assert.ok(detail.external_contact.name.length > 0);
  assert.match(detail.external_contact.external_userid, /^wm/);

  const settled = (await sim.control.snapshot(CORP)).contacts;
  await new Promise((r) => setTimeout(r, 400));
  assert.equal((await sim.control.snapshot(CORP)).contacts, settled, 'no new customers after rate 0');
});

test('population mode without contact ways adds a random member', async (t) => {
  const sim = await startTestSim();
  t.after(() => sim.stop());
  await sim.control.setPopulation(CORP, { rate_per_minute: 600 });
  await waitFor(async () => (await sim.control.snapshot(CORP)).relations >= 2, 8000);
  await sim.control.setPopulation(CORP, { rate_per_minute: 0 });
  const list = await sim.api.get('/cgi-bin/externalcontact/get_follow_user_list');
  assert.deepEqual(list.follow_user, ['zhangsan', 'lisi']);
});
