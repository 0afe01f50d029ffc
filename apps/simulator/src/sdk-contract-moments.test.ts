// Contract, spec §6: customer moments. add_moment_task answers a jobid; get_moment_task_result
// gives the moment_id and the invalid parts of the visible range; list, task and cancel; media
// must come from upload_attachment; 41089 when text and attachments are both empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WecomApiError } from '@siyu/wecom';
import { CORP, allPages, bytes, rejectsWith, startContract } from './sdk-contract-support.ts';

test('moments: job → moment_id with invalid senders/tags, list, per-member task, cancel', async (t) => {
  const { sim, client } = await startContract(t);
  await sim.control.addMember(CORP, { userid: 'nocontact', name: '无客户联系', department: [1], customer_contact: false });
  const { tag_group } = await client.addCorpTag({ group_name: '人群', tag: [{ name: '高价值' }] });
  const tag = tag_group.tag[0].id;
  const pic = await client.uploadAttachment('image', 1, 'moment.jpg', bytes(300));
  assert.ok(pic.media_id.length > 0);
  assert.equal(pic.type, 'image');

  const { jobid } = await client.addMomentTask({
    text: { content: '新品上架' },
    attachments: [{ msgtype: 'image', image: { media_id: pic.media_id } }],
    visible_range: {
      sender_list: { user_list: ['zhangsan', 'ghost', 'nocontact'] },
      external_contact_list: { tag_list: [tag, 'etNoSuchTag000000000000000000000'] },
    },
  });
  assert.ok(jobid.length > 0);
  const job = await client.getMomentTaskResult(jobid);
  assert.equal(job.type, 'add_moment_task');
  assert.equal(job.status, 3, 'done');
  assert.equal(job.result?.errcode, 0);
  const momentId = job.result?.moment_id ?? '';
  assert.ok(momentId.length > 0);
  assert.deepEqual(job.result?.invalid_sender_list?.user_list, ['ghost', 'nocontact']);
  assert.deepEqual(job.result?.invalid_external_contact_list?.tag_list, ['etNoSuchTag000000000000000000000']);

  const now = await sim.control.now();
  const list = await client.getMomentList({ start_time: now - 3600, end_time: now + 60 });
  assert.equal(list.moment_list.length, 1);
  const m = list.moment_list[0];
  assert.equal(m.moment_id, momentId);
  assert.equal(m.create_type, 0, 'created by the corp');
  assert.equal(m.text?.content, '新品上架');
  assert.deepEqual(m.image, [{ media_id: pic.media_id }]);
  assert.equal(typeof m.visible_type, 'number');

  const task = await client.getMomentTask({ moment_id: momentId });
  assert.deepEqual(task.task_list, [{ userid: 'zhangsan', publish_status: 0 }], 'only valid senders get a task');

  await client.cancelMomentTask(momentId);
  assert.deepEqual((await client.getMomentList({ start_time: now - 3600, end_time: now + 60 })).moment_list, []);
});

test('moment list and task list page through next_cursor; no sender list means every contact member', async (t) => {
  const { sim, client } = await startContract(t, {}, ['zhangsan', 'lisi', 'wangwu']);
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const { jobid } = await client.addMomentTask({ text: { content: `第${i}条` } });
    ids.push((await client.getMomentTaskResult(jobid)).result?.moment_id ?? '');
  }
  const now = await sim.control.now();
  const moments = await allPages(async (cursor) => {
    const r = await client.getMomentList({ start_time: now - 600, end_time: now + 60, limit: 2, cursor });
    return { items: r.moment_list, next_cursor: r.next_cursor };
  });
  assert.equal(moments.pages, 3);
  assert.deepEqual(new Set(moments.items.map((x) => x.moment_id)), new Set(ids));
  const tasks = await allPages(async (cursor) => {
    const r = await client.getMomentTask({ moment_id: ids[0], limit: 2, cursor });
    return { items: r.task_list, next_cursor: r.next_cursor };
  });
  assert.deepEqual(tasks.items.map((x) => x.userid).sort(), ['lisi', 'wangwu', 'zhangsan']);
});

test('moment errors: 41089 empty, media not from upload_attachment, too many images, unknown jobid', async (t) => {
  const { client } = await startContract(t);
  await rejectsWith(client.addMomentTask({}), 41089, 'moment_empty');
  await rejectsWith(client.addMomentTask({ text: { content: '' } }), 41089, 'moment_empty');
  const temp = await client.uploadMedia('image', 'temp.png', bytes(64));
  // The simulator answers 41072 here (README); the spec only says the media must come from upload_attachment.
  await assert.rejects(
    client.addMomentTask({ attachments: [{ msgtype: 'image', image: { media_id: temp.media_id } }] }),
    (e: unknown) => e instanceof WecomApiError && e.errcode === 41072,
  );
  const pic = await client.uploadAttachment('image', 1, 'p.jpg', bytes(64));
  const ten = Array.from({ length: 10 }, () => ({ msgtype: 'image' as const, image: { media_id: pic.media_id } }));
  await rejectsWith(client.addMomentTask({ attachments: ten }), 41064, 'too_many_attachments');
  const video = await client.uploadAttachment('video', 1, 'v.mp4', bytes(2048));
  await rejectsWith(
    client.addMomentTask({ attachments: [{ msgtype: 'video', video: { media_id: video.media_id } }, { msgtype: 'video', video: { media_id: video.media_id } }] }),
    41064, 'too_many_attachments', 'one video at most',
  );
  await assert.rejects(client.getMomentTaskResult('jobNoSuchJob'), (e: unknown) => e instanceof WecomApiError && e.errcode === 40088);
});
