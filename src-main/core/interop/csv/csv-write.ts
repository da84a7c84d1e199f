import { sanitiseText } from '../../files/sanitise-text';

/**
 * A cell that starts with = + - @, a tab or a CR is read as a formula by Excel and LibreOffice
 * (`=HYPERLINK(…)` became a live link in LibreOffice, TOOLCHAIN.md). A leading apostrophe keeps it
 * text. Values that already start with apostrophes before such a character get one more, so the
 * importer can remove exactly one and every value survives the round trip.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The importer's side of the rule above. */
export function restoreNeutralised(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}

/** One CSV cell for Danish Excel: sanitised, neutralised and quoted when it must be. */
export function csvCell(value: string | number | null | undefined, sep: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = neutraliseFormula(sanitiseText(value));
  return text.includes(sep) || /["\n\r]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: ReadonlyArray<string | number | null | undefined>, sep: string): string {
  return `${values.map((v) => csvCell(v, sep)).join(sep)}\r\n`;
}
