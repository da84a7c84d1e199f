import { SANITISED_CHARACTERS, sanitiseText } from '../../files/sanitise-text';

/**
 * A cell that starts with = + - @, a tab or a CR is read as a formula by Excel and LibreOffice
 * (`=HYPERLINK(…)` became a live link in LibreOffice, docs/domain.md). A leading apostrophe keeps it
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

/**
 * A cell that needs none of the work below: no control (tab and line feed need quotes), no
 * character the sanitiser removes or changes, no quote or separator, no formula or apostrophe
 * start, no space at either end. Nearly every stored value is like that, so one test per cell
 * replaces three replacements and three tests (100,000 firms × 21 columns).
 */
const PLAIN_CELL: Record<string, RegExp> = {};

function plainCellTest(sep: string): RegExp {
  let re = PLAIN_CELL[sep];
  if (!re) {
    const escaped = sep.replace(/[\\^\]-]/g, '\\$&');
    re = new RegExp(`[\\u0000-\\u001F${SANITISED_CHARACTERS}"${escaped}]|^[\\s'=+\\-@]|\\s$`);
    PLAIN_CELL[sep] = re;
  }
  return re;
}

/** One CSV cell for Danish Excel: sanitised, neutralised and quoted when it must be. */
export function csvCell(value: string | number | null | undefined, sep: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (value === '' || !plainCellTest(sep).test(value)) return value;
  const text = neutraliseFormula(sanitiseText(value));
  return text.includes(sep) || /["\n\r]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: ReadonlyArray<string | number | null | undefined>, sep: string): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += i === 0 ? csvCell(values[i], sep) : sep + csvCell(values[i], sep);
  return `${line}\r\n`;
}
