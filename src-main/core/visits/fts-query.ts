/**
 * Builds an FTS5 query for the visit index from words a person typed: each word is quoted (so
 * AND, NEAR, *, " and - in it are text, not operators) and matched as a prefix, because Danish
 * compounds start with the word one remembers ("salg" finds "salgsarbejde"). Words without a
 * letter or digit are dropped: they hold no token and cannot match.
 */
export function ftsPrefixTerm(word: string): string | null {
  if (!/[\p{L}\p{N}]/u.test(word)) return null;
  return `"${word.replace(/"/g, '""')}"*`;
}

export function ftsPrefixQuery(text: string): string | null {
  const terms = text
    .split(/\s+/)
    .map(ftsPrefixTerm)
    .filter((t): t is string => t !== null);
  return terms.length ? terms.join(' AND ') : null;
}

/** Marker characters FTS5 puts around hits; stored text never contains them (see freeText). */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

/** Splits a marked snippet into segments; a stray marker only toggles emphasis, never markup. */
export function snippetSegments(marked: string): Array<{ text: string; hit: boolean }> {
  const out: Array<{ text: string; hit: boolean }> = [];
  let hit = false;
  let text = '';
  for (const ch of marked) {
    if (ch === HIT_START || ch === HIT_END) {
      if (text) out.push({ text, hit });
      text = '';
      hit = ch === HIT_START;
    } else text += ch;
  }
  if (text) out.push({ text, hit });
  return out;
}
