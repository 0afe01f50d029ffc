// A schema's own refusal messages are Chinese (what most operators read) and carry their English
// beside them, so the server can answer in the language the console asks for. zod keeps only the
// Chinese string on the schema; this table gives the server its English twin.
const english = new Map<string, string>();

/** The Chinese message, with its English twin remembered for `englishOf`. */
export function msg(zh: string, en: string): string {
  english.set(zh, en);
  return zh;
}

/** The English twin of a message made with `msg`, if it has one. */
export function englishOf(message: string): string | undefined {
  return english.get(message);
}
