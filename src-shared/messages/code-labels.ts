import type { AnnexKind } from '../codes/attachments';
import type { CompanyStatus, DuplicateReason, LegalForm } from '../codes/companies';
import type { DeMinimisPeriod, DeMinimisSector, DeMinimisSource } from '../codes/deminimis';
import type { DocumentKind, LetterSubject } from '../codes/documents';
import type { IndustrySection, IndustrySystem } from '../codes/industry';
import type { InteropFormat } from '../codes/interop';
import type { KnowledgeType, LagStatus, OrganisationType, ReferralOutcome, ReferralStatus } from '../codes/outreach';
import type { Breakdown, KpiKey, QualityKey, SizeBand } from '../codes/report';
import type { FollowUpState, NeedKey, PotentialLevel, VisitType } from '../codes/visits';
import type { MessageKey } from './da';
import { isMessageKey } from './index';

/**
 * A stored code's label is the catalogue entry keyed by the code, so each code list reaches its
 * labels by a template: a code added to a list without its label in the catalogue does not compile.
 *
 * A status or need has one wording everywhere: screens, letters, files and the CLI. The pairs left
 * are two lengths of one thing (`…Short` for table cells and files, the gloss on screen), not two
 * names for it.
 */
export const labelKey = {
  companyStatus: (s: CompanyStatus): MessageKey => `company.status.${s}`,
  /** On screen, with an English gloss ("ApS (private ltd.)"). */
  legalForm: (f: LegalForm): MessageKey => `company.legalForm.${f}`,
  /** In exported files and the CLI: the form's own name only. */
  legalFormShort: (f: LegalForm): MessageKey => `company.legalFormShort.${f}`,
  duplicateReason: (r: DuplicateReason): MessageKey => `duplicates.reason.${r}`,

  visitType: (t: VisitType): MessageKey => `visit.type.${t}`,
  need: (n: NeedKey): MessageKey => `need.${n}`,
  potential: (p: PotentialLevel): MessageKey => `visit.potential.${p}`,
  followUpState: (s: FollowUpState): MessageKey => `followups.state.${s}`,

  /** A DB07 section's title ("Hoteller og restauranter"). */
  industrySection: (s: IndustrySection): MessageKey => `industry.section.${s}`,
  industrySystem: (s: IndustrySystem): MessageKey => `industry.system.${s}`,
  referralStatus: (s: ReferralStatus): MessageKey => `referral.status.${s}`,
  referralOutcome: (o: ReferralOutcome): MessageKey => `referral.outcome.${o}`,
  referralOutcomeShort: (o: ReferralOutcome): MessageKey => `referral.outcomeShort.${o}`,
  lagStatus: (s: LagStatus): MessageKey => `lag.status.${s}`,
  /** The button that moves a record to the status ("Markér som modtaget"). */
  referralMark: (s: ReferralStatus): MessageKey => `referral.mark.${s}`,
  lagMark: (s: LagStatus): MessageKey => `lag.mark.${s}`,
  knowledgeType: (t: KnowledgeType): MessageKey => `knowledge.type.${t}`,
  /** Lower case: the type is named inside a sentence ("Vælg en organisation af typen LAG"). */
  organisationType: (t: OrganisationType): MessageKey => `organisation.type.${t}`,

  /** The short name on screen ("Henvisningsbrev"). */
  documentKind: (k: DocumentKind): MessageKey => `doc.kind.${k}`,
  /** The full title a document and its template carry ("Henvisning til erhvervshus/Væksthus"). */
  documentTitle: (k: DocumentKind): MessageKey => `doc.title.${k}`,
  /** What a consultant's own letter kind is about ("Et besøg"). */
  letterSubject: (s: LetterSubject): MessageKey => `letterKind.subject.${s}`,
  format: (f: InteropFormat): MessageKey => `format.${f}`,
  /** A LAG application's annex an attachment is marked as. */
  annex: (a: AnnexKind): MessageKey => `attachment.annex.${a}`,
  deMinimisSector: (s: DeMinimisSector): MessageKey => `deminimis.sector.${s}`,
  deMinimisSource: (s: DeMinimisSource): MessageKey => `deminimis.source.${s}`,
  deMinimisPeriod: (p: DeMinimisPeriod): MessageKey => `deminimis.period.${p}`,

  kpi: (k: KpiKey): MessageKey => `kpi.${k}`,
  quality: (k: QualityKey): MessageKey => `quality.${k}`,
  /** A breakdown's name as a column header ("Kommune"); `report.breakdown.*` is the heading ("Fordelt på kommune"). */
  breakdown: (b: Breakdown): MessageKey => `breakdown.${b}`,
  breakdownHeading: (b: Breakdown): MessageKey => `report.breakdown.${b}`,
  /** A figure's sheet in the Excel report (Excel allows 31 characters and no []:*?/\\). */
  kpiSheet: (k: KpiKey): MessageKey => `report.sheet.${k}`,
  sizeBand: (b: SizeBand): MessageKey => `report.size.${b}`,
};

/** What a merge calls the records of a table it moves; null for a table without a name in the catalogue. */
export function movedTableKey(table: string): MessageKey | null {
  const key = `duplicates.table.${table}`;
  return isMessageKey(key) ? key : null;
}
