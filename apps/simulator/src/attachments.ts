// Attachment lists of welcome messages, mass messages and moments: at most N (41064), known
// msgtypes (41065), and media ids that exist and have not expired (40007).
import type { CorpState } from './state.ts';
import { WecomError, invalidParam } from './errors.ts';

export function checkAttachments(corp: CorpState, now: number, raw: unknown, max: number, types: string[]): Array<Record<string, unknown>> {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw invalidParam('attachments must be an array');
  if (raw.length > max) throw new WecomError(41064, `too many attachments (max ${max})`);
  return raw.map((a) => {
    if (!a || typeof a !== 'object') throw new WecomError(41065, 'invalid attachment');
    const att = a as Record<string, unknown>;
    const type = att.msgtype;
    if (typeof type !== 'string' || !types.includes(type)) throw new WecomError(41065, `invalid attachment type ${String(type)}`);
    const body = att[type];
    if (!body || typeof body !== 'object') throw new WecomError(41065, `attachment ${type} has no ${type} object`);
    for (const key of ['media_id', 'pic_media_id', 'thumb_media_id']) {
      const id = (body as Record<string, unknown>)[key];
      if (id !== undefined && !mediaAlive(corp, now, id)) throw new WecomError(40007, `invalid media_id ${String(id)}`);
    }
    return att;
  });
}

export function mediaAlive(corp: CorpState, now: number, id: unknown): boolean {
  if (typeof id !== 'string') return false;
  const m = corp.media[id];
  return !!m && m.expires_at > now;
}

export function textContent(raw: unknown, maxBytes: number): { content: string } | undefined {
  if (raw === undefined || raw === null) return undefined;
  const content = (raw as { content?: unknown }).content;
  if (typeof content !== 'string') throw invalidParam('text.content must be a string');
  if (Buffer.byteLength(content) > maxBytes) throw invalidParam(`text.content is over ${maxBytes} bytes`);
  return content === '' ? undefined : { content };
}
