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
import { DomainError } from '../errors';
import { sanitiseText } from '../files/sanitise-text';
import type { LogoImage } from './logo';

/** What a document's placeholders are filled with: text, repeated table rows, and the logo. */
export interface DocValues {
  text: Record<string, string>;
  rows: Record<string, Array<Record<string, string>>>;
  /** The letterhead logo; null removes `{{logo}}`. */
  logo: LogoImage | null;
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
export async function assertFilled(document: Uint8Array): Promise<void> {
  const left = await patchDetector({ data: document });
  if (left.length > 0) {
    throw new DomainError('internal', 'doc.unfilled', { fields: left.map((k) => `{{${k}}}`).join(', ') });
  }
}

/**
 * Fills a template with `docx`'s patchDocument and checks the result: a document that still holds
 * a placeholder is an error, never a letter with "{{…}}" in it.
 */
export async function fillTemplate(
  template: Uint8Array,
  values: DocValues,
  properties: PatchDocumentProperties = {},
): Promise<Buffer> {
  const out = await patchTemplate(template, values, properties);
  await assertFilled(out);
  return out;
}

/** The placeholders a template holds, as `docx` finds them (the same parser that fills them). */
export async function detectPlaceholders(template: Uint8Array): Promise<string[]> {
  return [...(await patchDetector({ data: template }))];
}
