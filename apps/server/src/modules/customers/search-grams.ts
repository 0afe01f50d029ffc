// CJK names are 2–3 characters, too short for pg_trgm; we index every 1- and 2-character gram
// of the name and nickname instead, plus the phone's last four digits (what staff see and type).
// Query text loses its colons, so nothing typed can name an owner or phone token.
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

/**
 * Every token the list query filters on through one GIN index: name/nickname grams, `p:<last4>`,
 * `o:<staffId>` for each owner (the data scope) and `t:<tagId>` for each tag. Intersecting
 * tokens inside one index keeps "a staff member's customers named 王…" fast at a million rows.
 */
export function customerGrams(c: { name: string; nickname?: string | null; phoneLast4?: string | null; ownerIds?: string[]; tagIds?: string[] }): string[] {
  const grams = new Set([...gramsOf(c.name), ...gramsOf(c.nickname)]);
  if (c.phoneLast4) grams.add(`p:${c.phoneLast4}`);
  for (const id of c.ownerIds ?? []) grams.add(ownerToken(id));
  for (const id of c.tagIds ?? []) grams.add(tagToken(id));
  return [...grams];
}

export const ownerToken = (staffId: string) => `o:${staffId}`;
/** A data scope as tokens (`&&`: any of them); an empty scope matches no customer. */
export const scopeTokens = (staffIds: string[]) => (staffIds.length ? staffIds.map(ownerToken) : ['o:-']);
/** Tag tokens follow tag events (tag-tokens.consumer.ts); filters recheck customer_tags exactly. */
export const tagToken = (tagId: string) => `t:${tagId}`;

/** The grams a query must all be present for: its bigrams (or the single character). */
export function queryGrams(q: string): string[] {
  const chars = Array.from(q.toLowerCase().replace(/[\s:]+/g, ''));
  if (chars.length <= 1) return chars;
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return [...out];
}
