// CJK names are 2–3 characters, too short for pg_trgm; we index every 1- and 2-character gram
// of the name and nickname instead, plus the phone's last four digits (what staff see and type).
export function gramsOf(text: string | null | undefined): string[] {
  if (!text) return [];
  const chars = Array.from(text.toLowerCase().replace(/\s+/g, ''));
  const out = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    out.add(chars[i]);
    if (i + 1 < chars.length) out.add(chars[i] + chars[i + 1]);
  }
  return [...out];
}

export function customerGrams(c: { name: string; nickname?: string | null; phoneLast4?: string | null }): string[] {
  const grams = new Set([...gramsOf(c.name), ...gramsOf(c.nickname)]);
  if (c.phoneLast4) grams.add(`p:${c.phoneLast4}`);
  return [...grams];
}

/** The grams a query must all be present for: its bigrams (or the single character). */
export function queryGrams(q: string): string[] {
  const chars = Array.from(q.toLowerCase().replace(/\s+/g, ''));
  if (chars.length <= 1) return chars;
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return [...out];
}
