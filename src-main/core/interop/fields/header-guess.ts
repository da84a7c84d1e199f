import { createHash } from 'node:crypto';
import { COMPANY_IMPORTS, type ImportField } from '../../../../src-shared/fields/companies';
import type { MessageKey } from '../../messages';

const NON_ASCII = /[\u0080-\uffff]/;

/** Headers are compared without case, spaces, dots, dashes and the like: "CVR-nr." = "cvr nr" = "CVRNR". */
export function normaliseHeader(header: string): string {
  // Every row is compared with the header (a repeated header row is skipped), so this runs once per
  // row of a large file: ASCII text (ids, numbers) is already NFC and lower-cases the same in any locale.
  const text = NON_ASCII.test(header) ? header.normalize('NFC').toLocaleLowerCase('da') : header.toLowerCase();
  return text.replace(/[\s.\-_/\\()'"’:#*]+/g, '');
}

interface FieldGuess {
  field: ImportField;
  /** The field's name in the wizard: its message key, or its name when it has none. */
  label: MessageKey | string;
  /** Whole headers (normalised) that name the field, Danish and English, including Bindeled's own. */
  exact: readonly string[];
  /** Parts that, found inside a header, point to the field when nothing matched exactly. */
  contains: readonly string[];
}

/** The importable company fields (src-shared/fields/companies.ts), tried in the wizard's order. */
export const FIELD_GUESSES: readonly FieldGuess[] = COMPANY_IMPORTS;

export interface GuessedMapping {
  mapping: Array<ImportField | null>;
  /** Headers written twice (or more): only the first column is mapped. */
  duplicates: Array<{ header: string; columns: number[] }>;
}

/** Maps each column to at most one field and each field to at most one column (the first that fits). */
export function guessMapping(headers: readonly string[]): GuessedMapping {
  const norm = headers.map(normaliseHeader);
  const mapping: Array<ImportField | null> = headers.map(() => null);
  const used = new Set<ImportField>();
  const duplicates: GuessedMapping['duplicates'] = [];
  const firstAt = new Map<string, number>();
  norm.forEach((h, i) => {
    if (!h) return;
    const first = firstAt.get(h);
    if (first === undefined) firstAt.set(h, i);
    else {
      const dup = duplicates.find((d) => normaliseHeader(d.header) === h);
      if (dup) dup.columns.push(i);
      else duplicates.push({ header: headers[first] ?? h, columns: [first, i] });
    }
  });
  const isDuplicate = (i: number) => firstAt.get(norm[i] ?? '') !== i;
  for (const pass of ['exact', 'contains'] as const) {
    norm.forEach((h, i) => {
      if (!h || mapping[i] || isDuplicate(i)) return;
      const guess = FIELD_GUESSES.find(
        (g) =>
          !used.has(g.field) && (pass === 'exact' ? g.exact.includes(h) : g.contains.some((part) => h.includes(part))),
      );
      if (guess) {
        mapping[i] = guess.field;
        used.add(guess.field);
      }
    });
  }
  return { mapping, duplicates };
}

/** Identifies a file layout by its headers, so the mapping chosen for it last time is offered again. */
export function headerSignature(headers: readonly string[]): string {
  return createHash('sha256').update(headers.map(normaliseHeader).join('\u0001')).digest('hex');
}
