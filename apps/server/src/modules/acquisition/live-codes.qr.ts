// A live code's QR as PNG and SVG (the qr_code URL WeCom gave, re-encoded so it prints sharp at any
// size) and a poster PNG with brand copy: an SVG template rendered by resvg. resvg draws no glyph
// it has no font for, so the CJK font is loaded explicitly, else Chinese copy silently vanishes.
import fs from 'node:fs';
import QRCode from 'qrcode';
import { Resvg } from '@resvg/resvg-js';
import { invalid } from '../../core/index.ts';

const CJK_FONTS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
];
let fontFiles: string[] | null = null;
const fonts = () => (fontFiles ??= CJK_FONTS.filter((f) => fs.existsSync(f)));

function needUrl(url: string | null): string {
  if (!url) throw invalid('活码已暂停或尚未在企业微信生成二维码');
  return url;
}

export async function qrPng(url: string | null, size = 600): Promise<Buffer> {
  return QRCode.toBuffer(needUrl(url), { type: 'png', width: Math.min(Math.max(size, 120), 2000), margin: 2, errorCorrectionLevel: 'M' });
}

export async function qrSvg(url: string | null): Promise<string> {
  return QRCode.toString(needUrl(url), { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export type PosterCopy = { title: string; subtitle: string; footer: string };

/** 750×1200 (a phone-screen poster): brand title, a line of copy, the QR on a card, a footer. */
export async function posterPng(url: string | null, copy: PosterCopy): Promise<Buffer> {
  const qr = (await qrPng(url, 480)).toString('base64');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="750" height="1200" viewBox="0 0 750 1200">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#0f5c4d"/><stop offset="1" stop-color="#1f8a70"/></linearGradient></defs>
  <rect width="750" height="1200" fill="url(#bg)"/>
  <text x="375" y="170" text-anchor="middle" font-family="Noto Sans CJK SC" font-size="60" font-weight="700" fill="#ffffff">${esc(copy.title)}</text>
  <text x="375" y="250" text-anchor="middle" font-family="Noto Sans CJK SC" font-size="34" fill="#e6f4ef">${esc(copy.subtitle)}</text>
  <rect x="115" y="330" width="520" height="600" rx="28" fill="#ffffff"/>
  <image x="135" y="350" width="480" height="480" href="data:image/png;base64,${qr}"/>
  <text x="375" y="885" text-anchor="middle" font-family="Noto Sans CJK SC" font-size="30" fill="#333333">长按识别二维码 添加专属顾问</text>
  <text x="375" y="1080" text-anchor="middle" font-family="Noto Sans CJK SC" font-size="28" fill="#d5efe6">${esc(copy.footer)}</text>
</svg>`;
  const r = new Resvg(svg, { font: { fontFiles: fonts(), loadSystemFonts: fonts().length === 0, defaultFontFamily: 'Noto Sans CJK SC' }, fitTo: { mode: 'original' } });
  return r.render().asPng();
}
