// Contract, media uploads (spec §5, §6): multipart field "media" through the SDK; temporary media
// live 3 days of sim time; moment attachments; permanent images; size and type errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DAY, befriend, bytes, rejectsWith, startContract } from './sdk-contract-support.ts';

test('upload: every temporary media type answers type, media_id and created_at (sim time)', async (t) => {
  const { sim, client, calls } = await startContract(t);
  const now = await sim.control.now();
  const ids = new Set<string>();
  for (const type of ['image', 'voice', 'video', 'file'] as const) {
    const r = await client.uploadMedia(type, `a.${type}`, bytes(1024));
    assert.equal(r.type, type);
    assert.ok(r.media_id.length >= 16, 'a WeCom-sized media_id');
    assert.ok(Math.abs(Number(r.created_at) - now) <= 5, 'created_at is sim time');
    ids.add(r.media_id);
  }
  assert.equal(ids.size, 4);
  const files = calls.filter((c) => c.api === '/cgi-bin/media/upload');
  assert.equal(files.length, 4, 'one attempt each: the multipart body was accepted');

  const img = await client.uploadImg('logo.png', bytes(2048));
  assert.match(img.url, /^https:\/\//);
  const att = await client.uploadAttachment('file', 1, 'doc.pdf', bytes(512));
  assert.equal(att.type, 'file');
  const album = await client.uploadAttachment('image', 2, 'album.jpg', bytes(512));
  assert.equal(album.type, 'image');
});

test('upload sends exactly the bytes of the view: a 3-byte view over a big buffer is too small (40006)', async (t) => {
  const { client } = await startContract(t);
  const pool = new Uint8Array(4096).fill(1);
  await rejectsWith(client.uploadMedia('image', 'tiny.png', pool.subarray(10, 13)), 40006, 'invalid_file_size');
  await client.uploadMedia('image', 'ok.png', pool.subarray(10, 20));
  await rejectsWith(client.uploadMedia('voice', 'big.amr', new Uint8Array(2 * 1024 * 1024 + 1)), 40006, 'invalid_file_size', 'voice ≤ 2 MB');
  await rejectsWith(client.uploadImg('big.png', new Uint8Array(2 * 1024 * 1024 + 1)), 40006, 'invalid_file_size', 'uploadimg ≤ 2 MB');
  await rejectsWith(client.uploadMedia('gif' as 'image', 'x.gif', bytes(64)), 40004, 'invalid_media_type');
});

test('temporary media expire after 3 days of sim time (40007 when used)', async (t) => {
  const { sim, client } = await startContract(t);
  const { ext } = await befriend(sim, 'zhangsan');
  const image = await client.uploadMedia('image', 'sale.png', bytes(64));
  const send = () => client.addMsgTemplate({ external_userid: [ext], sender: 'zhangsan', attachments: [{ msgtype: 'image', image: { media_id: image.media_id } }] });
  await sim.control.advanceClock(3 * DAY - 60);
  await send();
  await sim.control.advanceClock(60);
  await rejectsWith(send(), 40007, 'invalid_media_id');
  await rejectsWith(client.addGroupWelcomeTemplate({ image: { media_id: image.media_id } }), 40007, 'invalid_media_id');
});

test('uploadimg: at most N images per corp per day (a configured low limit), counted in Beijing days', async (t) => {
  const { sim, client } = await startContract(t, { limits: { uploadImgPerDay: 2 } });
  await client.uploadImg('1.png', bytes(64));
  await client.uploadImg('2.png', bytes(64));
  // The simulator answers 45009 (README), which the SDK treats as a frequency limit.
  await rejectsWith(client.uploadImg('3.png', bytes(64)), 45009, 'rate_limited');
  await sim.control.advanceClock(DAY);
  await client.uploadImg('4.png', bytes(64));
  // Every temporary upload stays possible meanwhile: the quota is uploadimg's own.
  await client.uploadMedia('image', '5.png', bytes(64));
});
