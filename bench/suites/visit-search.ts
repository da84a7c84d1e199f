import { rankedVocabulary } from '../../tools/generate/generate-text';
import type { Figure } from '../lib/figures';
import { measure } from '../lib/stats';
import { hasMethod, type Store } from '../lib/store';

/**
 * Full-text search in visit notes (`search.visits`, best matches first with a snippet),
 * for words of different frequency in the generated notes, through the dispatcher. The baseline
 * is the bare FTS5 query for the same words, ranked, without snippets and joins.
 */
export async function visitSearchFigures(store: Store, size: number, runs: number): Promise<Figure[]> {
  const words = rankedVocabulary();
  const cases = [
    { name: 'frequent word', query: words[40] ?? 'kunder' },
    { name: 'word of rank 1,000', query: words[1000] ?? 'eksport' },
    { name: 'rare word', query: 'solcelleanlæg' },
    { name: 'two words', query: `${words[60] ?? 'salg'} ${words[300] ?? 'eksport'}` },
    { name: 'trade prefix "smede"', query: 'smede' },
    // What a search box holds first while the word is typed: three letters, thousands of words.
    { name: 'three letters "sme"', query: 'sme' },
  ];
  if (!hasMethod('search.visits')) {
    return [{ size, name: 'visit notes search', note: 'needs search.visits' }];
  }
  const figures: Figure[] = [];
  const bare = store.db.prepare('SELECT rowid FROM visits_fts WHERE visits_fts MATCH ? ORDER BY rank LIMIT 25');
  const countAll = store.db.prepare('SELECT count(*) FROM visits_fts WHERE visits_fts MATCH ?').pluck();
  for (const c of cases) {
    const match = c.query
      .split(/\s+/)
      .map((w) => `"${w}"*`)
      .join(' AND ');
    const baseline = await measure(() => bare.all(match), { runs });
    const timing = await measure(() => store.call('search.visits', { query: c.query, limit: 25 }), { runs });
    figures.push({
      size,
      name: `visit notes: ${c.name} "${c.query}"`,
      timing,
      baseline: { name: 'bare ranked FTS5', timing: baseline },
      target: { ms: 20 },
      extra: `${countAll.get(match)} visits`,
    });
  }
  return figures;
}
