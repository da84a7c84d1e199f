import { moneyInput, parseMoneyInput } from '../../../src-shared/format/money';
import type { BudgetLineInput, LagApplication } from '../api/types';
import { formatDate } from '../lib/format';

/** One budget row as typed: the amount stays text until it is saved or previewed. */
export interface BudgetRow {
  key: number;
  category: string;
  description: string;
  supplier: string;
  amount: string;
  quoteRef: string;
}

export interface LagForm {
  lagId: string;
  schemeId: string;
  contactId: string;
  title: string;
  theme: string;
  purpose: string;
  activities: string;
  effectJobs: string;
  effectOther: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  foodProcessing: boolean;
  grantRequested: string;
  ownCash: string;
  ownHours: string;
  ownHoursValue: string;
  otherPublic: string;
  otherPublicSource: string;
  rows: BudgetRow[];
}

let nextKey = 1;
export function emptyRow(): BudgetRow {
  return { key: nextKey++, category: '', description: '', supplier: '', amount: '', quoteRef: '' };
}

export function formFromApplication(a: LagApplication | null): LagForm {
  return {
    lagId: a ? String(a.lagId) : '',
    schemeId: a?.schemeId ? String(a.schemeId) : '',
    contactId: a?.contactId ? String(a.contactId) : '',
    title: a?.title ?? '',
    theme: a?.theme ?? '',
    purpose: a?.purpose ?? '',
    activities: a?.activities ?? '',
    effectJobs: a?.effectJobs === null || a?.effectJobs === undefined ? '' : String(a.effectJobs),
    effectOther: a?.effectOther ?? '',
    periodStart: formatDate(a?.periodStart),
    periodEnd: formatDate(a?.periodEnd),
    deadline: formatDate(a?.deadline),
    foodProcessing: a?.foodProcessing ?? false,
    grantRequested: a ? moneyInput(a.grantRequestedOre) : '',
    ownCash: a ? moneyInput(a.ownCashOre) : '',
    ownHours: a?.ownHours ? String(a.ownHours) : '',
    ownHoursValue: a ? moneyInput(a.ownHoursOre) : '',
    otherPublic: a ? moneyInput(a.otherPublicOre) : '',
    otherPublicSource: a?.otherPublicSource ?? '',
    rows: (a?.budget ?? []).map((l) => ({
      key: nextKey++,
      category: l.category,
      description: l.description,
      supplier: l.supplier ?? '',
      amount: moneyInput(l.amountOre),
      quoteRef: l.quoteRef ?? '',
    })),
  };
}

/** Øre for an amount field; empty and unreadable text count as 0 in the live preview. */
export function oreOrZero(text: string): number {
  return parseMoneyInput(text) ?? 0;
}

/** Rows the consultant has started (any text); blank rows are ignored rather than refused. */
export function filledRows(rows: readonly BudgetRow[]): BudgetRow[] {
  return rows.filter((r) => [r.category, r.description, r.supplier, r.amount, r.quoteRef].some((v) => v.trim()));
}

/** What the live grant-share preview sends: only the figures, as they stand. */
export function previewInput(
  f: LagForm,
  submittedAt?: string | null,
  firm: { companyId?: number; applicationId?: number } = {},
) {
  return {
    companyId: firm.companyId ?? null,
    applicationId: firm.applicationId ?? null,
    schemeId: f.schemeId ? Number(f.schemeId) : null,
    foodProcessing: f.foodProcessing,
    lines: filledRows(f.rows).map((r) => ({ category: r.category.trim() || '-', amountOre: oreOrZero(r.amount) })),
    grantRequestedOre: oreOrZero(f.grantRequested),
    ownCashOre: oreOrZero(f.ownCash),
    ownHoursOre: oreOrZero(f.ownHoursValue),
    otherPublicOre: oreOrZero(f.otherPublic),
    periodStart: looksLikeDate(f.periodStart) ? f.periodStart : null,
    submittedAt: submittedAt ?? null,
    deadline: looksLikeDate(f.deadline) ? f.deadline : null,
  };
}

function looksLikeDate(text: string): boolean {
  return /^\d{1,2}[.-]\d{1,2}[.-]\d{4}$|^\d{4}-\d{2}-\d{2}$/.test(text.trim());
}

export type FormErrors = Record<string, string>;

const MONEY_FIELDS = ['grantRequested', 'ownCash', 'ownHoursValue', 'otherPublic'] as const;

/** Checks what the browser can check; messages are i18n keys filled in by the dialog. */
export function validateLag(f: LagForm): FormErrors {
  const e: FormErrors = {};
  if (!f.lagId) e.lagId = 'validation.required';
  if (!f.title.trim()) e.title = 'validation.required';
  for (const k of MONEY_FIELDS) if (parseMoneyInput(f[k]) === undefined) e[k] = 'outreach.money.invalid';
  if (f.ownHours.trim() && !/^\d+([.,]\d+)?$/.test(f.ownHours.trim())) e.ownHours = 'outreach.number.invalid';
  if (f.effectJobs.trim() && !/^\d+([.,]\d+)?$/.test(f.effectJobs.trim())) e.effectJobs = 'outreach.number.invalid';
  filledRows(f.rows).forEach((r) => {
    if (!r.category.trim()) e[`row.${r.key}.category`] = 'validation.required';
    if (!r.description.trim()) e[`row.${r.key}.description`] = 'validation.required';
    const ore = parseMoneyInput(r.amount);
    if (ore === undefined || ore === null) e[`row.${r.key}.amount`] = 'outreach.money.invalid';
  });
  return e;
}

const num = (text: string) => (text.trim() ? Number(text.trim().replace(',', '.')) : null);

/** The saved fields (after validateLag passed). */
export function lagFields(f: LagForm) {
  return {
    lagId: Number(f.lagId),
    schemeId: f.schemeId ? Number(f.schemeId) : null,
    contactId: f.contactId ? Number(f.contactId) : null,
    title: f.title,
    theme: f.theme,
    purpose: f.purpose,
    activities: f.activities,
    effectJobs: num(f.effectJobs),
    effectOther: f.effectOther,
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    deadline: f.deadline,
    foodProcessing: f.foodProcessing,
    grantRequestedOre: oreOrZero(f.grantRequested),
    ownCashOre: oreOrZero(f.ownCash),
    ownHours: num(f.ownHours) ?? 0,
    ownHoursOre: oreOrZero(f.ownHoursValue),
    otherPublicOre: oreOrZero(f.otherPublic),
    otherPublicSource: f.otherPublicSource,
  };
}

export function budgetLines(f: LagForm): BudgetLineInput[] {
  return filledRows(f.rows).map((r) => ({
    category: r.category,
    description: r.description,
    supplier: r.supplier,
    amountOre: oreOrZero(r.amount),
    quoteRef: r.quoteRef,
  }));
}
