import { COMMON_WORDS, ENDINGS, GENERAL_PREFIXES, RARE_WORDS, STEMS, TRADE_PREFIXES } from './note-words';
import { Random } from './random';

/** Share of words drawn from the firm's own trade, and from the rare list. */
const TRADE_SHARE = 0.04;
const RARE_SHARE = 0.0003;

function compounds(prefixes: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of prefixes) for (const s of STEMS) for (const e of ENDINGS) out.push(`${p}${s}${e}`);
  return out;
}

let ranked: readonly string[] | undefined;
let tradeWords: readonly (readonly string[])[] | undefined;

/**
 * Every general word by rank, most frequent first: the common words, then compounds in a fixed
 * shuffled order (the same on every machine). Benchmarks pick search words by rank from here.
 */
export function rankedVocabulary(): readonly string[] {
  if (!ranked) {
    const rest = compounds(GENERAL_PREFIXES);
    const rng = new Random(20_101_017);
    for (let i = rest.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [rest[i], rest[j]] = [rest[j] as string, rest[i] as string];
    }
    ranked = [...COMMON_WORDS, ...rest];
  }
  return ranked;
}

function tradeVocabulary(trade: number): readonly string[] {
  tradeWords ??= TRADE_PREFIXES.map(compounds);
  return tradeWords[trade % tradeWords.length] ?? [];
}

/** A rank drawn by Zipf's law (frequency ∝ 1 / rank): a log-uniform draw does exactly that. */
function zipf(rng: Random, size: number): number {
  return Math.min(size - 1, Math.floor(Math.exp(rng.next() * Math.log(size + 1))) - 1);
}

function word(rng: Random, vocabulary: readonly string[], trade: readonly string[]): string {
  const u = rng.next();
  if (u < RARE_SHARE) return rng.pick(RARE_WORDS);
  if (u < RARE_SHARE + TRADE_SHARE && trade.length) return trade[zipf(rng, trade.length)] ?? 'og';
  return vocabulary[zipf(rng, vocabulary.length)] ?? 'og';
}

/**
 * Danish-looking prose of exactly `count` words in sentences of 6–16 words: not grammar, but the
 * letters, word lengths and word frequencies a full-text index sees in real notes. `trade` (an
 * index into TRADES) mixes in the words of that trade.
 */
export function prose(rng: Random, count: number, trade = 0): string {
  const vocabulary = rankedVocabulary();
  const own = tradeVocabulary(trade);
  const parts: string[] = [];
  let left = count;
  while (left > 0) {
    const n = Math.min(left, rng.int(6, 16));
    const sentence: string[] = new Array(n);
    for (let i = 0; i < n; i++) sentence[i] = word(rng, vocabulary, own);
    const first = sentence[0] ?? 'og';
    sentence[0] = first.charAt(0).toUpperCase() + first.slice(1);
    parts.push(`${sentence.join(' ')}.`);
    left -= n;
  }
  return parts.join(' ');
}

/** Number of words in text made by `prose` (words are separated by single spaces). */
export function wordCount(text: string): number {
  return text ? text.split(' ').length : 0;
}
