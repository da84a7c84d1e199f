import { randomBytes } from 'node:crypto';
import {
  ImageRun,
  type IPatch,
  type PatchDocumentProperties,
  PatchType,
  patchDetector,
  patchDocument,
  type TableRowsPatch,
  TextRun,
} from 'docx';
import type { LogoImage } from '../documents/logo';
import { DomainError } from '../errors';
import { sanitiseText } from '../files/sanitise-text';
import { escapeText } from './xml-text';
import { readParts, type ZipPart } from './zip-read';
import { deflatedPart, zipParts } from './zip-write';

/** What a document's placeholders are filled with: text, repeated table rows, and the logo. */
export interface DocValues {
  text: Record<string, string>;
  rows: Record<string, Array<Record<string, string>>>;
  /** The letterhead logo; null removes `{{logo}}`. */
  logo: LogoImage | null;
}

/** What differs from one letter to the next: its own text, its table rows and its title. */
export interface LetterValues {
  text: Record<string, string>;
  rows: Record<string, Array<Record<string, string>>>;
  title: string;
}

/**
 * Text as it goes into a document: through the one sanitiser (XML-forbidden characters out), and
 * with "{{" broken by a zero-width space so a user's own braces can never read as a placeholder.
 */
export function docText(value: string): string {
  return sanitiseText(value).replace(/\{\{/g, '{\u200B{').replace(/\}\}/g, '}\u200B}');
}

/** One paragraph's worth of text; line breaks in the value become line breaks in Word. */
function textPatch(value: string): IPatch {
  const lines = docText(value).split('\n');
  return {
    type: PatchType.PARAGRAPH,
    children: lines.map((line, i) => new TextRun(i === 0 ? line : { text: line, break: 1 })),
  };
}

function logoPatch(logo: LogoImage | null): IPatch {
  if (!logo) return { type: PatchType.PARAGRAPH, children: [] };
  return {
    type: PatchType.PARAGRAPH,
    children: [
      new ImageRun({
        type: logo.type,
        data: logo.data,
        transformation: { width: logo.width, height: logo.height },
        altText: { name: 'Logo', description: 'Logo', title: 'Logo' },
      }),
    ],
  };
}

/** The patches `docx` fills a template with, one per placeholder (rows: one per table row group). */
function patchesOf(values: DocValues): Record<string, IPatch | TableRowsPatch> {
  const patches: Record<string, IPatch | TableRowsPatch> = { logo: logoPatch(values.logo) };
  for (const [key, value] of Object.entries(values.text)) patches[key] = textPatch(value);
  for (const [group, rows] of Object.entries(values.rows)) {
    patches[group] = {
      type: PatchType.TABLE_ROWS,
      rows: rows.map((row) => Object.fromEntries(Object.entries(row).map(([field, v]) => [field, textPatch(v)]))),
    };
  }
  return patches;
}

/** Fills a template with `docx`'s patchDocument, without checking that every placeholder was filled. */
export async function patchTemplate(
  template: Uint8Array,
  values: DocValues,
  properties: PatchDocumentProperties = {},
): Promise<Buffer> {
  return patchDocument({
    outputType: 'nodebuffer',
    data: template,
    patches: patchesOf(values),
    keepOriginalStyles: true,
    properties: Object.fromEntries(
      Object.entries(properties).map(([k, v]) => [k, typeof v === 'string' ? docText(v) : v]),
    ),
  });
}

/** Throws when a document still holds a placeholder: never a letter with "{{…}}" in it. */
async function assertFilled(document: Uint8Array): Promise<void> {
  const left = await patchDetector({ data: document });
  if (left.length > 0) {
    throw new DomainError('internal', 'doc.unfilled', { fields: left.map((k) => `{{${k}}}`).join(', ') });
  }
}

/** The placeholders a template holds, as `docx` finds them (the same parser that fills them). */
export async function detectPlaceholders(template: Uint8Array): Promise<string[]> {
  return [...(await patchDetector({ data: template }))];
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
  parts: ZipPart[];
  split: SplitPart[];
  slots: Array<(letter: LetterValues) => string>;
}

/**
 * The one way a letter is made from a template, alone or in a batch: `docx` fills the template
 * once per *shape* of letter rather than once per letter. A shape is the set of placeholders a
 * letter fills and how many rows each of its tables has; a batch of referral letters has a
 * handful (the local-activity table varies).
 *
 * For each shape, patchDocument fills the template once with the letterhead, the logo and the
 * properties shared by every letter, and a unique marker in place of every letter's own value (two
 * lines, so the XML `docx` puts between two lines of a value is learnt too), and patchDetector
 * checks that no placeholder is left. The parts that hold markers are split at them; every other
 * part keeps its compressed bytes. A letter is then the split parts joined around its values
 * (through the same sanitiser, escaped as `docx` escapes them) and zipped with the unchanged
 * parts: what patchDocument makes of the same values, as tests/unit/core/ooxml/docx-template.test.ts
 * shows part by part. A single letter costs what one patchDocument did; each further letter of
 * the same shape a few milliseconds.
 */
export class TemplateFiller {
  private readonly compiled = new Map<string, Compiled | null>();

  constructor(
    private readonly template: Uint8Array,
    /** The letterhead and logo, the same in every letter. */
    private readonly shared: DocValues,
    /** Document properties other than the title, the same in every letter. */
    private readonly properties: Omit<PatchDocumentProperties, 'title'>,
    /** The template's file name, for a message about its zip. */
    private readonly fileName = 'template.docx',
  ) {}

  async fill(letter: LetterValues): Promise<Buffer> {
    const key = shapeOf(letter);
    let compiled = this.compiled.get(key);
    if (compiled === undefined) {
      compiled = await this.compile(letter);
      this.compiled.set(key, compiled);
    }
    if (compiled === null) {
      // A template whose markers did not come out as expected: fill it the slow, sure way.
      const out = await patchTemplate(
        this.template,
        { text: { ...this.shared.text, ...letter.text }, rows: letter.rows, logo: this.shared.logo },
        { ...this.properties, title: letter.title },
      );
      await assertFilled(out);
      return out;
    }
    const parts = compiled.parts.slice();
    let braces = false;
    for (const part of compiled.split) {
      let xml = part.statics[0] as string;
      part.holes.forEach((hole, i) => {
        const value = docText(compiled.slots[hole.slot]?.(letter) ?? '');
        xml += hole.lineBreak === null ? escapeText(value) : value.split('\n').map(escapeText).join(hole.lineBreak);
        xml += part.statics[i + 1];
      });
      // A value can hold single braces; next to the template's text they might make a placeholder.
      if (!braces && /\{\{|\}\}/.test(xml.replace(/<[^>]*>/g, ''))) braces = true;
      parts[part.index] = deflatedPart(compiled.parts[part.index] as ZipPart, Buffer.from(xml, 'utf8'));
    }
    const out = zipParts(parts);
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
    const read = await readParts(filled, this.fileName, (name) => /\.(xml|rels)$/.test(name));
    const split: SplitPart[] = [];
    const markers = new RegExp(`@@${nonce}:(\\d+):([ABS])@@`, 'g');
    for (const [index, { unpacked }] of read.entries()) {
      const xml = unpacked?.toString('utf8');
      if (xml === undefined || !xml.includes(`@@${nonce}:`)) continue;
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
      split.push(part);
    }
    return { parts: read.map((r) => r.part), split, slots };
  }
}

/** Which placeholders a letter fills and how many rows its tables have: one compiled template each. */
function shapeOf(letter: LetterValues): string {
  return JSON.stringify([
    Object.keys(letter.text),
    Object.entries(letter.rows).map(([group, list]) => [group, list.map((row) => Object.keys(row))]),
  ]);
}
