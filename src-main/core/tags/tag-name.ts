/**
 * A tag as typed: spaces trimmed and collapsed, so "Fødevarer " and "Fødevarer" are one tag.
 * Its key folds case (Danish letters included), so "FØDEVARER" finds it too.
 */
export function cleanTagName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function tagKey(name: string): string {
  return cleanTagName(name).toLocaleLowerCase('da-DK');
}

/**
 * Several tags in one spreadsheet cell or CLI argument, as Bindeled writes them ("A; B") or as
 * people type them ("A, B"); empty pieces and repeats dropped, first spelling kept.
 */
export function splitTagList(text: string): string[] {
  const seen = new Map<string, string>();
  for (const piece of text.split(/[;,]/)) {
    const name = cleanTagName(piece);
    if (name && !seen.has(tagKey(name))) seen.set(tagKey(name), name);
  }
  return [...seen.values()];
}
