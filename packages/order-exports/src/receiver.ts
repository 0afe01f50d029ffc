// Receiver data from exports: phones and regions. Only what a customer record may keep leaves here:
// a full mobile only when the file carries it in clear (the writer encrypts and hashes it), a masked
// phone, and 省/市/区 — never the street address.

/** Mainland mobile: 11 digits starting 13–19, after removing `'`, spaces, dashes and +86/0086. */
export function normalizeMobile(value: string | null): string | null {
  if (!value) return null;
  const s = value.replace(/[\s'‘’"=\-()（）]/g, '').replace(/^(?:\+?86|0086)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(s) ? s : null;
}

export function maskMobile(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** `138****5678`, `1******6198`, `1*********5`: 11 characters, a leading 1, at least one `*`. */
export function maskedMobile(value: string | null): string | null {
  if (!value) return null;
  const s = value.replace(/[\s']/g, '').replace(/^(?:\+?86)(?=1[\d*]{10}$)/, '');
  return /^1[\d*]{10}$/.test(s) && s.includes('*') ? s : null;
}

export type PhoneFields = { phone: string | null; receiverPhoneMasked: string | null };

/**
 * The first candidate that is a real mobile wins (联系手机 before 联系电话); otherwise the first one
 * that looks masked is kept as masked. Ciphertext (`$…$`, `~…~`, `##密文`) and the opaque tokens of
 * anonymised files are neither, so both stay null.
 */
export function readPhones(...candidates: (string | null)[]): PhoneFields {
  for (const c of candidates) {
    const phone = normalizeMobile(c);
    if (phone) return { phone, receiverPhoneMasked: maskMobile(phone) };
  }
  for (const c of candidates) {
    const masked = maskedMobile(c);
    if (masked) return { phone: null, receiverPhoneMasked: masked };
  }
  return { phone: null, receiverPhoneMasked: null };
}

/** Names may be masked (林*坤) and are kept; ciphertext and placeholders are not a name. */
export function receiverNameOf(value: string | null): string | null {
  if (!value) return null;
  if (/^[$~#]|密文|^\*+$/.test(value) || value.length > 40) return null;
  return value;
}

export type Region = { province: string | null; city: string | null; district: string | null };

const NO_REGION: Region = { province: null, city: null, district: null };
const DISTRICT_END = /(区|县|市|旗|林区|特区)$/;
const REGION_TOKEN = /^[\u4e00-\u9fa5·]{2,15}$/;

/**
 * `广东省 广州市 越秀区 华乐街道…(510620)` → 广东省/广州市/越秀区. Taobao separates 省 市 区 by single
 * spaces and leaves the district empty (two spaces) for cities without one (东莞市), so the split is
 * on single spaces. Province-only values (`内蒙古自治区`) give just the province. Addresses without
 * spaces (JD 客户地址) are cut by administrative suffixes.
 */
export function regionOf(address: string | null): Region {
  if (!address) return NO_REGION;
  const text = address.replace(/[（(]\d{6}[)）]\s*$/, '').trim();
  if (!text) return NO_REGION;
  const tokens = text.replace(/\u3000/g, ' ').split(' ');
  if (tokens.length === 1) return compactRegion(text);
  const [p, c, d] = tokens;
  // `北京朝阳区三环到四环之间 建国路 88 号`: spaces, but not the 省 市 区 layout.
  if (!isProvince(p)) return compactRegion(p);
  const city = c && REGION_TOKEN.test(c) ? c : null;
  // With only three tokens the third may be the street part rather than a district.
  const district = city && d && REGION_TOKEN.test(d) && (tokens.length > 3 || DISTRICT_END.test(d)) ? d : null;
  return { province: p, city, district };
}

const MUNICIPALITY = /^(北京|天津|上海|重庆)(市)?/;
const PROVINCES = '河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门';
// The suffix is optional because concatenated addresses often drop it (广东广州市…).
const PROVINCE = new RegExp(`^(?:${PROVINCES})(?:省|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)?`);
const CITY = /^(.{1,8}?(?:自治州|地区|盟|市))/;
const DISTRICT = /^(.{1,8}?(?:区|县|旗|市))/;

const isProvince = (t: string) => PROVINCE.exec(t)?.[0] === t || MUNICIPALITY.exec(t)?.[0] === t;

function compactRegion(text: string): Region {
  if (isProvince(text)) {
    return { province: text, city: null, district: null };
  }
  let rest = text;
  let province: string | null = null;
  let city: string | null = null;
  const muni = MUNICIPALITY.exec(rest);
  if (muni) {
    province = muni[0];
    city = `${muni[1]}市`;
    rest = rest.slice(muni[0].length);
  } else {
    const p = PROVINCE.exec(rest);
    if (!p) return NO_REGION;
    province = p[0];
    rest = rest.slice(p[0].length);
    const c = CITY.exec(rest);
    if (c) {
      city = c[0];
      rest = rest.slice(c[0].length);
    }
  }
  const d = city ? DISTRICT.exec(rest) : null;
  return { province, city, district: d ? d[0] : null };
}
