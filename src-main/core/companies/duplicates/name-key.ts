/**
 * The key two spellings of one firm's name share: case, accents, Danish letters written out
 * (æ/ae, ø/oe, å/aa), "&"/"og", punctuation and the legal form's letters (ApS, A/S, I/S…) do not
 * tell firms apart, so they are folded away. An empty key (a name of nothing but a legal form)
 * matches nothing.
 */
const LEGAL_FORM_WORDS = new Set([
  'aps',
  'as',
  'is',
  'ivs',
  'ks',
  'ps',
  'smba',
  'amba',
  'fmba',
  'ltd',
  'gmbh',
  // "Tømrer v/ Hans Jensen": the "v/" (ved) before an owner's name.
  'v',
]);

export function nameKey(name: string): string {
  const folded = name
    .toLocaleLowerCase('da')
    .replace(/æ|ä/g, 'ae')
    .replace(/ø|ö/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' og ')
    // "A/S", "I/S", "K/S": the slash is part of the form's name, not a word break.
    .replace(/\b([aikp])\s*\/\s*s\b/g, '$1s')
    .replace(/[^a-z0-9]+/g, ' ');
  return folded
    .split(' ')
    .filter((w) => w !== '' && !LEGAL_FORM_WORDS.has(w))
    .join(' ');
}

/** An address compared as typed but for case, punctuation and spacing ("Hovedgaden 3" = "hovedgaden  3."). */
export function addressKey(address: string | null): string {
  return address ? nameKey(address) : '';
}
