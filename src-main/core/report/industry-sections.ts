import { INDUSTRY_SECTIONS, industrySection } from '../../../src-shared/codes/industry';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { message } from '../messages';

/** Firms without a code, and codes whose division has no section, count as '?'. */
export const UNKNOWN_SECTION = '?';

export function sectionOf(industryCode: string | null | undefined): string {
  return industrySection(industryCode) ?? UNKNOWN_SECTION;
}

/** "I Hoteller og restauranter": the letter and the section's Danish title. */
export function sectionLabel(section: string): string {
  const hit = INDUSTRY_SECTIONS.find(([letter]) => letter === section);
  return hit ? `${hit[0]} ${message(labelKey.industrySection(hit[0]))}` : message('report.unknownSection');
}

/** Section letters in order, for stable chart and table order. */
export const SECTION_ORDER: readonly string[] = [...INDUSTRY_SECTIONS.map(([s]) => s), UNKNOWN_SECTION];

/** The two-digit prefixes of a section; '' stands for a firm without an industry code. */
export function prefixesOf(section: string): string[] {
  const out: string[] = section === UNKNOWN_SECTION ? [''] : [];
  for (let d = 0; d <= 99; d++) {
    const prefix = String(d).padStart(2, '0');
    if (sectionOf(`${prefix}0000`) === section) out.push(prefix);
  }
  return out;
}
