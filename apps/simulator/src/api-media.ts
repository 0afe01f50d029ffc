// Media: temporary uploads (3 days of sim time), moment attachments and permanent images. Only
// metadata is kept (ids, sizes): the simulator never serves the bytes back.
import type { ApiCtx, ApiRoute } from './api-types.ts';
import type { Media } from './state.ts';
import { WecomError, invalidParam } from './errors.ts';
import { optInt, optString } from './params.ts';
import { base62, hex, newMediaId, unique } from './ids.ts';
import { parseMultipart } from './multipart.ts';
import { chinaDayKey } from './clock.ts';

const MB = 1024 * 1024;
const MAX_BYTES: Record<string, number> = { image: 10 * MB, voice: 2 * MB, video: 10 * MB, file: 20 * MB };

function filePart(ctx: ApiCtx) {
  if (!ctx.upload) throw new WecomError(44001, 'empty media data (send multipart/form-data)');
  const parts = parseMultipart(ctx.upload.body, ctx.upload.contentType);
  const part = parts.find((x) => x.name === 'media') ?? parts.find((x) => x.filename !== undefined);
  if (!part || part.data.length === 0) throw new WecomError(44001, 'empty media data');
  return part;
}

function store(ctx: ApiCtx, type: string, attachmentType?: number) {
  if (!MAX_BYTES[type]) throw new WecomError(40004, `invalid media type ${type}`);
  const part = filePart(ctx);
  if (part.data.length < 5 || part.data.length > MAX_BYTES[type]) throw new WecomError(40006, 'invalid file size');
  const now = ctx.sim.now();
  const m: Media = {
    media_id: unique(newMediaId, (id) => id in ctx.corp.media), type, filename: part.filename ?? 'media', size: part.data.length,
    created_at: now, expires_at: now + ctx.sim.limits.mediaTtlSeconds,
  };
  if (attachmentType !== undefined) m.attachment_type = attachmentType;
  // Expired media only answer 40007 from then on: drop them when new ones arrive.
  for (const [id, old] of Object.entries(ctx.corp.media)) if (old.expires_at <= now) delete ctx.corp.media[id];
  ctx.corp.media[m.media_id] = m;
  return { type, media_id: m.media_id, created_at: String(now) };
}

function upload(ctx: ApiCtx) {
  return store(ctx, optString(ctx.query, 'type') ?? '');
}

function uploadAttachment(ctx: ApiCtx) {
  const attachmentType = optInt(ctx.query, 'attachment_type');
  if (attachmentType !== 1 && attachmentType !== 2) throw invalidParam('attachment_type must be 1 (moments) or 2 (product album)');
  const type = optString(ctx.query, 'media_type') ?? '';
  if (!['image', 'video', 'file'].includes(type)) throw new WecomError(40004, `invalid media type ${type}`);
  return store(ctx, type, attachmentType);
}

function uploadImg(ctx: ApiCtx) {
  const part = filePart(ctx);
  if (part.data.length < 5 || part.data.length > 2 * MB) throw new WecomError(40006, 'invalid file size (images up to 2 MB)');
  const day = chinaDayKey(ctx.sim.now());
  const used = ctx.corp.uploadimg_days[day] ?? 0;
  if (used >= ctx.sim.limits.uploadImgPerDay) throw new WecomError(45009, 'uploadimg daily limit reached');
  ctx.corp.uploadimg_days = { [day]: used + 1 }; // only today's count matters
  return { url: `https://wework.qpic.cn/wwpic/${hex(6)}_${base62(24)}/0` };
}

export const mediaApis: ApiRoute[] = [
  { path: '/cgi-bin/media/upload', method: 'POST', handler: upload },
  { path: '/cgi-bin/media/upload_attachment', method: 'POST', handler: uploadAttachment },
  { path: '/cgi-bin/media/uploadimg', method: 'POST', handler: uploadImg },
];
