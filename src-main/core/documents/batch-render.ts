import { randomBytes } from 'node:crypto';
import type { PatchDocumentProperties } from 'docx';
import { entryBytes, readZip, withContent, writeZip, type ZipEntry } from './docx-zip';
import { assertFilled, type DocValues, docText, fillTemplate, patchTemplate } from './fill-template';

/** What differs from one letter of a batch to the next: its own text, its table rows and its title. */
export interface LetterValues {
  text: Record<string, string>;
  rows: Record<string, Array<Record<string, string>>>;
  title: string;
}

/** Where a value goes: text split into Word lines (`lineBreak` between them), or one line (`null`). */
interface Hole {
  slot: number;
  lineBreak: string | null;
}

/** An XML part with holes: `statics[0] hole[0] statics[1] … hole[n-1] statics[n]`. */
interface SplitPart {
  index: number;
  statics: string[];
  holes: Hole[];
}

interface Compiled {
  entries: ZipEntry[];
  parts: SplitPart[];
  slots: Array<(letter: LetterValues) => string>;
}

/** XML text content as `docx` writes it (xml-js escapes these three in text). */
function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The letters of a batch from one template, filled by `docx` once per *shape* of letter rather
 * than once per letter. A shape is the set of placeholders a letter fills and how many rows each
 * of its tables has; a batch of referral letters has a handful (the local-activity table varies).
 *
 * For each shape, patchDocument fills the template once with the letterhead, the logo and the
 * properties shared by the batch, and a unique marker in place of every letter's own value (two
 * lines, so the XML `docx` puts between two lines of a value is learnt too). The parts that hold
 * markers are split at them; every other part keeps its compressed bytes. A letter is then the
 * split parts joined around its values (through the same sanitiser, escaped as `docx` escapes
 * them) and zipped with the unchanged parts. The result is what patchDocument makes of the same
 * values, as tests/integration/core/documents/batch.test.ts shows part by part.
 */
export class BatchRenderer {
  private readonly compiled = new Map<string, Compiled | null>();

  constructor(
    private readonly template: Uint8Array,
    /** The letterhead and logo, the same in every letter of the batch. */
    private readonly shared: DocValues,
    /** Document properties other than the title, the same in every letter. */
    private readonly properties: Omit<PatchDocumentProperties, 'title'>,
  ) {}

  async render(letter: LetterValues): Promise<Buffer> {
    const key = shapeOf(letter);
    let compiled = this.compiled.get(key);
    if (compiled === undefined) {
      compiled = await this.compile(letter);
      this.compiled.set(key, compiled);
    }
    if (compiled === null) {
      // A template whose markers did not come out as expected: fill it the slow, sure way.
      return fillTemplate(
        this.template,
        { text: { ...this.shared.text, ...letter.text }, rows: letter.rows, logo: this.shared.logo },
        { ...this.properties, title: letter.title },
      );
    }
    const entries = compiled.entries.slice();
    let braces = false;
    for (const part of compiled.parts) {
      let xml = part.statics[0] as string;
      part.holes.forEach((hole, i) => {
        const value = docText(compiled.slots[hole.slot]?.(letter) ?? '');
        xml += hole.lineBreak === null ? escapeXml(value) : value.split('\n').map(escapeXml).join(hole.lineBreak);
        xml += part.statics[i + 1];
      });
      // A value can hold single braces; next to the template's text they might make a placeholder.
      if (!braces && /\{\{|\}\}/.test(xml.replace(/<[^>]*>/g, ''))) braces = true;
      const entry = compiled.entries[part.index] as ZipEntry;
      entries[part.index] = withContent(entry, Buffer.from(xml, 'utf8'));
    }
    const out = writeZip(entries);
    if (braces) await assertFilled(out);
    return out;
  }

  private async compile(letter: LetterValues): Promise<Compiled | null> {
    const nonce = randomBytes(6).toString('hex');
    const slots: Compiled['slots'] = [];
    const mark = (slot: number, kind: 'A' | 'B' | 'S') => `@@${nonce}:${slot}:${kind}@@`;
    const twoLines = (get: (l: LetterValues) => string) => {
      const slot = slots.push(get) - 1;
      return `${mark(slot, 'A')}\n${mark(slot, 'B')}`;
    };
    const text: Record<string, string> = { ...this.shared.text };
    for (const key of Object.keys(letter.text)) text[key] = twoLines((l) => l.text[key] ?? '');
    const rows: DocValues['rows'] = {};
    for (const [group, list] of Object.entries(letter.rows)) {
      rows[group] = list.map((row, i) =>
        Object.fromEntries(Object.keys(row).map((f) => [f, twoLines((l) => l.rows[group]?.[i]?.[f] ?? '')])),
      );
    }
    const titleSlot = slots.push((l) => l.title) - 1;
    const filled = await patchTemplate(
      this.template,
      { text, rows, logo: this.shared.logo },
      { ...this.properties, title: mark(titleSlot, 'S') },
    );
    // Every placeholder the template holds is filled by now, or it never will be: say so once.
    await assertFilled(filled);
    const entries = readZip(filled);
    const parts: SplitPart[] = [];
    const markers = new RegExp(`@@${nonce}:(\\d+):([ABS])@@`, 'g');
    for (const [index, entry] of entries.entries()) {
      if (!/\.(xml|rels)$/.test(entry.name)) continue;
      const xml = entryBytes(entry).toString('utf8');
      if (!xml.includes(`@@${nonce}:`)) continue;
      const part: SplitPart = { index, statics: [], holes: [] };
      let from = 0;
      let open: { slot: number; end: number } | null = null;
      for (const m of xml.matchAll(markers)) {
        const slot = Number(m[1]);
        const at = m.index ?? 0;
        if (m[2] === 'A' && open === null) {
          part.statics.push(xml.slice(from, at));
          open = { slot, end: at + m[0].length };
        } else if (m[2] === 'B' && open?.slot === slot) {
          part.holes.push({ slot, lineBreak: xml.slice(open.end, at) });
          open = null;
          from = at + m[0].length;
        } else if (m[2] === 'S' && open === null) {
          part.statics.push(xml.slice(from, at));
          part.holes.push({ slot, lineBreak: null });
          from = at + m[0].length;
        } else {
          return null;
        }
      }
      if (open !== null) return null;
      part.statics.push(xml.slice(from));
      parts.push(part);
    }
    return { entries, parts, slots };
  }
}

/** Which placeholders a letter fills and how many rows its tables have: one compiled template each. */
function shapeOf(letter: LetterValues): string {
  return JSON.stringify([
    Object.keys(letter.text),
    Object.entries(letter.rows).map(([group, list]) => [group, list.map((row) => Object.keys(row))]),
  ]);
}
