// A small multipart/form-data reader for the media uploads (no dependency for one code path).
export type Part = { name: string; filename?: string; contentType?: string; data: Buffer };

export function parseMultipart(body: Buffer, contentType: string): Part[] {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!m) return [];
  const boundary = Buffer.from(`--${(m[1] ?? m[2]).trim()}`);
  const parts: Part[] = [];
  let at = body.indexOf(boundary);
  while (at >= 0) {
    const start = at + boundary.length;
    if (body.subarray(start, start + 2).toString() === '--') break; // closing boundary
    const headerEnd = body.indexOf('\r\n\r\n', start);
    if (headerEnd < 0) break;
    const next = body.indexOf(boundary, headerEnd + 4);
    if (next < 0) break;
    const headers = body.subarray(start, headerEnd).toString('utf8');
    const data = body.subarray(headerEnd + 4, next - 2); // minus the CRLF before the boundary
    const disp = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disp)?.[1] ?? '';
    const filename = /\bfilename="([^"]*)"/i.exec(disp)?.[1];
    const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim();
    parts.push({ name, filename, contentType: type, data });
    at = next;
  }
  return parts;
}
