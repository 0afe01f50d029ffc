// §6 customer moments: add_moment_task is asynchronous in WeCom (jobid first, moment_id later);
// here the job is done at once, so the first get_moment_task_result already reports status 3.
import type { ApiCtx, ApiRoute } from './api-types.ts';
import type { Moment } from './state.ts';
import { WecomError, invalidParam } from './errors.ts';
import { intArray, limitParam, obj, optInt, optString, page, reqInt, strArray } from './params.ts';
import { newJobid, newMomentId, unique } from './ids.ts';
import { checkAttachments, textContent } from './attachments.ts';
import { findTag } from './relations.ts';

const P = '/cgi-bin/externalcontact';

function add(ctx: ApiCtx) {
  const { corp, sim, p } = ctx;
  const now = sim.now();
  const text = textContent(p.text, 10_000);
  const attachments = checkAttachments(corp, now, p.attachments, sim.limits.momentImages, ['image', 'video', 'link']);
  if (!text && attachments.length === 0) throw new WecomError(41089, 'text and attachments are both empty');
  const types = new Set(attachments.map((a) => a.msgtype as string));
  if (types.size > 1) throw invalidParam('moments take images, or one video, or one link; not a mix');
  if ((types.has('video') || types.has('link')) && attachments.length > 1) throw new WecomError(41064, 'one video or one link at most');
  for (const a of attachments) {
    const mediaId = (a[a.msgtype as string] as Record<string, unknown>).media_id;
    if (typeof mediaId === 'string' && corp.media[mediaId]?.attachment_type !== 1) {
      throw new WecomError(41072, 'moment media must come from media/upload_attachment with attachment_type 1');
    }
  }
  const range = obj(p, 'visible_range') ?? {};
  const senders = obj(range, 'sender_list') ?? {};
  const userList = strArray(senders, 'user_list');
  const deptList = intArray(senders, 'department_list');
  const tagList = strArray(obj(range, 'external_contact_list') ?? {}, 'tag_list');
  const valid = (u: string) => corp.members[u]?.status === 1 && corp.members[u].customer_contact;
  const invalidDepts = deptList.filter((d) => !corp.departments[d]);
  const senderSet = new Set(userList.filter(valid));
  for (const m of Object.values(corp.members)) {
    if (m.department.some((d) => deptList.includes(d)) && valid(m.userid)) senderSet.add(m.userid);
  }
  if (userList.length === 0 && deptList.length === 0) for (const m of Object.values(corp.members)) if (valid(m.userid)) senderSet.add(m.userid);
  const m: Moment = {
    moment_id: unique(newMomentId, (id) => id in corp.moments), jobid: unique(newJobid, (id) => id in corp.moment_jobs), creator: '',
    create_time: now, create_type: 0, visible_type: tagList.length ? 0 : 1, attachments, sender_list: [...senderSet],
    tag_list: tagList.filter((t) => findTag(corp, t)), invalid_senders: userList.filter((u) => !valid(u)), invalid_depts: invalidDepts,
    invalid_tags: tagList.filter((t) => !findTag(corp, t)), cancelled: false,
  };
  if (text) m.text = text;
  corp.moments[m.moment_id] = m;
  corp.moment_jobs[m.jobid] = m.moment_id;
  return { jobid: m.jobid };
}

function result(ctx: ApiCtx) {
  const jobid = optString(ctx.p, 'jobid');
  const momentId = jobid ? ctx.corp.moment_jobs[jobid] : undefined;
  const m = momentId ? ctx.corp.moments[momentId] : undefined;
  if (!m) throw new WecomError(40088, 'jobid does not exist');
  return {
    status: 3, type: 'add_moment_task',
    result: {
      errcode: 0, errmsg: 'ok', moment_id: m.moment_id,
      invalid_sender_list: { user_list: m.invalid_senders, department_list: m.invalid_depts },
      invalid_external_contact_list: { tag_list: m.invalid_tags },
    },
  };
}

function moment(ctx: ApiCtx): Moment {
  const id = optString(ctx.p, 'moment_id');
  if (!id) throw new WecomError(41059, 'missing moment_id');
  const m = ctx.corp.moments[id];
  if (!m) throw new WecomError(41060, 'invalid moment_id');
  return m;
}

function cancel(ctx: ApiCtx) {
  moment(ctx).cancelled = true;
  return {};
}

function list(ctx: ApiCtx) {
  const { p } = ctx;
  const start = reqInt(p, 'start_time');
  const end = reqInt(p, 'end_time');
  const filterType = optInt(p, 'filter_type') ?? 2;
  const creator = optString(p, 'creator');
  const limit = limitParam(p, 'limit', 20, 100);
  const all = Object.values(ctx.corp.moments)
    .filter((m) => !m.cancelled && m.create_time >= start && m.create_time <= end)
    .filter((m) => (filterType === 2 || m.create_type === filterType) && (!creator || m.creator === creator))
    .sort((a, b) => b.create_time - a.create_time)
    .map((m) => {
      const v: Record<string, unknown> = { moment_id: m.moment_id, create_time: m.create_time, create_type: m.create_type, visible_type: m.visible_type };
      if (m.create_type === 1) v.creator = m.creator;
      if (m.text) v.text = m.text;
      const images = m.attachments.filter((a) => a.msgtype === 'image').map((a) => ({ media_id: (a.image as Record<string, unknown>).media_id }));
      if (images.length) v.image = images;
      const video = m.attachments.find((a) => a.msgtype === 'video');
      if (video) v.video = video.video;
      const link = m.attachments.find((a) => a.msgtype === 'link');
      if (link) v.link = { title: (link.link as Record<string, unknown>).title, url: (link.link as Record<string, unknown>).url };
      return v;
    });
  const { items, next_cursor } = page(all, optString(p, 'cursor'), limit);
  return { moment_list: items, next_cursor };
}

function task(ctx: ApiCtx) {
  const m = moment(ctx);
  const limit = limitParam(ctx.p, 'limit', 500, 1000);
  const { items, next_cursor } = page(m.sender_list.map((userid) => ({ userid, publish_status: 0 })), optString(ctx.p, 'cursor'), limit);
  return { task_list: items, next_cursor };
}

export const momentApis: ApiRoute[] = [
  { path: `${P}/add_moment_task`, method: 'POST', handler: add },
  { path: `${P}/get_moment_task_result`, method: 'GET', handler: result, reads: true },
  { path: `${P}/cancel_moment_task`, method: 'POST', handler: cancel },
  { path: `${P}/get_moment_list`, method: 'POST', handler: list, reads: true },
  { path: `${P}/get_moment_task`, method: 'POST', handler: task, reads: true },
];
