// What an avatar shows: WeCom hands out http:// URLs (http://wx.qlogo.cn/…), which a console
// served over HTTPS must not load as mixed content; wx.qlogo.cn serves the same image over https.
// When the image cannot load (no network, a stale URL), the person's initials stand in.

/** The URL to load, upgraded to https; null for anything that is not an image address. */
export function avatarSrc(url: string | null | undefined): string | null {
  const u = url?.trim();
  if (!u) return null;
  if (/^http:\/\//i.test(u)) return `https://${u.slice(7)}`;
  if (/^https:\/\//i.test(u) || u.startsWith('/') || /^data:image\//i.test(u)) return u;
  return null;
}

const LATIN_WORD = /^[A-Za-z]/;

/**
 * Initials for the fallback: the first character of a Chinese name (王小芳 → 王), the first letters
 * of the first two words of a Latin one (Ada Lovelace → AL), the first whole emoji of a nickname.
 */
export function initialsOf(name: string | null | undefined): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (words.every((w) => LATIN_WORD.test(w))) return words.slice(0, 2).map((w) => w[0].toUpperCase()).join('');
  return firstGrapheme(words[0]);
}

function firstGrapheme(s: string): string {
  if (typeof Intl.Segmenter === 'function') {
    const first = new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)[Symbol.iterator]().next();
    if (!first.done) return first.value.segment;
  }
  return Array.from(s)[0] ?? '?';
}

const COLORS = ['#1677ff', '#13a8a8', '#52c41a', '#fa8c16', '#eb2f96', '#722ed1', '#2f54eb', '#faad14'];

/** A steady colour per name, so the same person's initials look the same on every page. */
export function avatarColor(name: string | null | undefined): string {
  let h = 0;
  for (const ch of name ?? '') h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return COLORS[h % COLORS.length];
}
