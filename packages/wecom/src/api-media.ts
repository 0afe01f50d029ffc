// Media uploads (multipart, field "media" as in WeCom's docs): spec §5 and §6.
import type { WecomCore } from './client-core.ts';

export type MediaType = 'image' | 'voice' | 'video' | 'file';
export type AttachmentMediaType = 'image' | 'video' | 'file';
/** 1 = moments, 2 = product albums. */
export type AttachmentType = 1 | 2;
export type UploadMediaResult = { type: string; media_id: string; created_at: string | number };

function mediaForm(filename: string, bytes: Uint8Array): () => FormData {
  return () => {
    const form = new FormData();
    // Copied into a fresh ArrayBuffer: a Uint8Array view over a shared or pooled buffer would send the whole pool.
    form.append('media', new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' }), filename);
    return form;
  };
}

export function mediaApi(core: WecomCore) {
  return {
    /** Temporary media (3 days) for mass messages, welcome messages and templates. */
    uploadMedia: (type: MediaType, filename: string, bytes: Uint8Array) =>
      core.call<UploadMediaResult>('POST', '/cgi-bin/media/upload', { query: { type }, form: mediaForm(filename, bytes) }),
    /** Attachments for moments (attachment_type 1); media_ids from uploadMedia are refused there. */
    uploadAttachment: (mediaType: AttachmentMediaType, attachmentType: AttachmentType, filename: string, bytes: Uint8Array) =>
      core.call<UploadMediaResult>('POST', '/cgi-bin/media/upload_attachment', {
        query: { media_type: mediaType, attachment_type: attachmentType },
        form: mediaForm(filename, bytes),
      }),
    /** A permanent image URL (≤100 images per corp per day). */
    uploadImg: (filename: string, bytes: Uint8Array) =>
      core.call<{ url: string }>('POST', '/cgi-bin/media/uploadimg', { form: mediaForm(filename, bytes) }),
  };
}
