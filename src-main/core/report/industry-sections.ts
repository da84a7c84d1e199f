import { message } from '../messages';

/**
 * DB07 (and NACE Rev. 2) divisions — the code's first two digits — grouped into the 21 sections
 * A–U. Divisions without a section (04, 34, 40 …) and firms without a code count as '?'.
 */
const SECTION_RANGES: ReadonlyArray<readonly [string, number, number, string]> = [
  ['A', 1, 3, 'Landbrug, skovbrug og fiskeri'],
  ['B', 5, 9, 'Råstofindvinding'],
  ['C', 10, 33, 'Industri'],
  ['D', 35, 35, 'Energiforsyning'],
  ['E', 36, 39, 'Vandforsyning og renovation'],
  ['F', 41, 43, 'Bygge og anlæg'],
  ['G', 45, 47, 'Handel'],
  ['H', 49, 53, 'Transport'],
  ['I', 55, 56, 'Hoteller og restauranter'],
  ['J', 58, 63, 'Information og kommunikation'],
  ['K', 64, 66, 'Finansiering og forsikring'],
  ['L', 68, 68, 'Fast ejendom'],
  ['M', 69, 75, 'Liberale, videnskabelige og tekniske tjenester'],
  ['N', 77, 82, 'Administrative tjenester'],
  ['O', 84, 84, 'Offentlig administration'],
  ['P', 85, 85, 'Undervisning'],
  ['Q', 86, 88, 'Sundhed og socialvæsen'],
  ['R', 90, 93, 'Kultur og fritid'],
  ['S', 94, 96, 'Andre serviceydelser'],
  ['T', 97, 98, 'Private husholdninger'],
  ['U', 99, 99, 'Internationale organisationer'],
];

export const UNKNOWN_SECTION = '?';

export function sectionOf(industryCode: string | null | undefined): string {
  const division = Number(industryCode?.slice(0, 2));
  if (!industryCode || !Number.isInteger(division)) return UNKNOWN_SECTION;
  const hit = SECTION_RANGES.find(([, lo, hi]) => division >= lo && division <= hi);
  return hit ? hit[0] : UNKNOWN_SECTION;
}

export function sectionLabel(section: string): string {
  const hit = SECTION_RANGES.find(([letter]) => letter === section);
  return hit ? `${hit[0]} ${hit[3]}` : message('report.unknownSection');
}

/** Section letters in order, for stable chart and table order. */
export const SECTION_ORDER: readonly string[] = [...SECTION_RANGES.map(([s]) => s), UNKNOWN_SECTION];

/** The two-digit prefixes of a section; '' stands for a firm without an industry code. */
export function prefixesOf(section: string): string[] {
  const out: string[] = section === UNKNOWN_SECTION ? [''] : [];
  for (let d = 0; d <= 99; d++) {
    const prefix = String(d).padStart(2, '0');
    if (sectionOf(`${prefix}0000`) === section) out.push(prefix);
  }
  return out;
}
