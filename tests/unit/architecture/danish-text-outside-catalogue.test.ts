import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every sentence a user sees, in Danish and English, lives in src-shared/messages. This scans the
 * source for string literals and JSX text that read as Danish, so a sentence typed straight into
 * code is caught in review rather than by an English-speaking user.
 */
const ROOT = path.resolve(__dirname, '../../..');
const SCANNED = ['src-main', 'src-renderer/src', 'src-shared'];

/** Never scanned: the catalogues themselves, and shipped migrations (frozen SQL). */
const EXCLUDED = [/^src-shared\/messages\//, /^src-main\/core\/db\/migrations\//];

/** Danish that is data, not a message. Each entry says why; keep the list short. */
const ALLOWED: Record<string, string> = {
  'src-main/core/domain/kommuner.ts': 'kommune names are proper nouns',
  'src-main/core/domain/postcodes.ts': 'postal town names are proper nouns',
  'src-main/core/domain/organisations.ts': 'seed organisations: names and notes stored as data',
  'src-main/core/domain/sort-key.ts': 'the letters of the Danish alphabet, for sorting',
  'src-shared/fields/companies.ts': 'words recognised in column headers of imported files (`import`), never shown',
  'src-main/core/interop/fields/company-row.ts': 'legal-form names recognised in imported files, never shown',
  'src-main/core/report/demo-today.ts': "the demo's fictional office and its notes, stored as data like the demo file",
};

/** Common Danish words that are not also English words, so two of them make a Danish phrase. */
const DANISH_WORDS = new Set(
  (
    'og ikke er skal kan kunne til af med på findes der den det et som har fra ingen eller hos ved efter før ' +
    'mangler kræver brug bruges ukendt fejl vælg skriv gem gemt slet opret vis uden mellem mere flere alle nye ' +
    'hver kun også allerede endnu igen intet være blev hvis når hvor hvad hvilken hvilke dit din dine ' +
    'virksomhed virksomheder virksomheden filen mappe mappen databasen kommando dato datoen sagen mindst højst'
  ).split(' '),
);

function looksDanish(text: string): boolean {
  if (/[æøåÆØÅ]/.test(text)) return true;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.length >= 2 && words.some((w) => DANISH_WORDS.has(w));
}

function sourceFiles(): string[] {
  return SCANNED.flatMap((dir) =>
    fs
      .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.d.ts'))
      .map((f) => path.posix.join(dir, f.split(path.sep).join('/'))),
  ).filter((f) => !EXCLUDED.some((re) => re.test(f)));
}

/** The texts of string literals, template literals (without their `${}` parts) and JSX. */
function texts(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isJsxText(node)) out.push(node.text);
    else if (ts.isTemplateExpression(node))
      out.push([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' … '));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const allowed = (file: string) => Object.keys(ALLOWED).some((a) => (a.endsWith('/') ? file.startsWith(a) : file === a));

describe('user-facing text', () => {
  it('is never Danish outside the message catalogue', () => {
    const found = sourceFiles()
      .filter((file) => !allowed(file))
      .flatMap((file) =>
        texts(file)
          .filter(looksDanish)
          .map((t) => `${file}: ${t.slice(0, 80)}`),
      );
    expect(found).toEqual([]);
  });

  it('would notice a Danish sentence, and its allow-list names files that exist', () => {
    expect(looksDanish('Filen findes ikke')).toBe(true);
    expect(looksDanish('Ukendt kommando: bindeled')).toBe(true);
    expect(looksDanish('Sagsportefølje')).toBe(true);
    expect(looksDanish('The file does not exist')).toBe(false);
    expect(looksDanish('SELECT id FROM companies WHERE cvr = ?')).toBe(false);
    // Folders may move out of src-main (developer tools); a file entry must still be there.
    const stale = Object.keys(ALLOWED).filter((a) => !a.endsWith('/') && !fs.existsSync(path.join(ROOT, a)));
    expect(stale).toEqual([]);
  });
});
