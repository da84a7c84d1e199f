/**
 * Writes the table of placeholders a consultant's own letter kind may use, per subject, into
 * docs/documents.md between its markers, from the one registry (core/documents/placeholders.ts)
 * and the catalogue's Danish names and examples. tests/unit/core/documents/letter-kind-fields.test.ts
 * fails when the docs and the registry differ.
 *
 *   npx tsx scripts/letter-kind-fields.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { placeholdersForSubject } from '../src-main/core/documents/placeholders';
import { LETTER_SUBJECTS } from '../src-shared/codes/documents';

export const DOC_FILE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../docs/documents.md');
export const START = '<!-- letter-kind-fields: written by scripts/letter-kind-fields.ts -->';
export const END = '<!-- /letter-kind-fields -->';

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** Per subject, the placeholders beyond those of a letter about the firm (which every subject has). */
export function letterKindFieldsMarkdown(): string {
  const common = placeholdersForSubject('company');
  const commonKeys = new Set(common.map((p) => p.key));
  const table = (title: string, rows: typeof common) =>
    [
      `#### ${title}`,
      '',
      '| Placeholder | Navn | Eksempel |',
      '|---|---|---|',
      ...rows.map((p) => `| \`{{${p.key}}}\` | ${cell(p.description)} | ${cell(p.example)} |`),
    ].join('\n');
  const parts = [table('Every subject (`company`: the firm alone)', common)];
  for (const subject of LETTER_SUBJECTS.filter((s) => s !== 'company')) {
    parts.push(
      table(
        `\`${subject}\`, in addition`,
        placeholdersForSubject(subject).filter((p) => !commonKeys.has(p.key)),
      ),
    );
  }
  return parts.join('\n\n');
}

export function withFields(doc: string): string {
  const from = doc.indexOf(START);
  const to = doc.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${DOC_FILE} has no ${START} … ${END}`);
  return `${doc.slice(0, from + START.length)}\n\n${letterKindFieldsMarkdown()}\n\n${doc.slice(to)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  fs.writeFileSync(DOC_FILE, withFields(fs.readFileSync(DOC_FILE, 'utf8')));
  console.log(`Wrote the letter kinds' placeholders into ${DOC_FILE}`);
}
