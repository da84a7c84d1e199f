import { z } from 'zod';
import { LAG_STATUSES, type LagStatus } from '../../../src-shared/codes/outreach';
import { idField, moneyOre, optionalDate, optionalId, optionalText, requiredText } from '../referrals/outreach-fields';

export { LAG_STATUSES, type LagStatus };

export const LAG_TRANSITIONS: Readonly<Record<LagStatus, readonly LagStatus[]>> = {
  idea: ['drafting', 'closed'],
  drafting: ['submitted', 'closed'],
  submitted: ['recommended', 'rejected'],
  recommended: ['approved', 'rejected'],
  approved: ['paid', 'closed'],
  rejected: ['closed'],
  paid: ['closed'],
  closed: [],
};

export function canMoveLag(from: LagStatus, to: LagStatus): boolean {
  return LAG_TRANSITIONS[from].includes(to);
}

/** Statuses at which the application has reached the LAG (the KPI counts these). */
export const LAG_SUBMITTED_OR_LATER: readonly LagStatus[] = [
  'submitted',
  'recommended',
  'approved',
  'rejected',
  'paid',
  'closed',
];

export const budgetLineSchema = z.object({
  category: requiredText(100),
  description: requiredText(500),
  supplier: optionalText(200),
  amountOre: moneyOre,
  quoteRef: optionalText(100),
});
export type BudgetLineInput = z.input<typeof budgetLineSchema>;

export const lagFieldsSchema = z.object({
  lagId: idField,
  schemeId: optionalId,
  contactId: optionalId,
  consultantId: optionalId,
  title: requiredText(200),
  theme: optionalText(200),
  purpose: optionalText(10_000),
  activities: optionalText(10_000),
  effectJobs: z.number().min(0).max(10_000).nullable().optional(),
  effectTurnoverOre: moneyOre.nullable().optional(),
  effectProducts: optionalText(2_000),
  effectOther: optionalText(2_000),
  periodStart: optionalDate,
  periodEnd: optionalDate,
  /** A food-processing SME gets a lower maximum (40 % instead of 50 %). */
  foodProcessing: z.boolean().optional(),
  grantRequestedOre: moneyOre.optional(),
  ownCashOre: moneyOre.optional(),
  ownHours: z.number().min(0).max(100_000).optional(),
  /** The value the own hours are counted at. */
  ownHoursOre: moneyOre.optional(),
  otherPublicOre: moneyOre.optional(),
  otherPublicSource: optionalText(300),
  /** Other de minimis support in this and the two previous fiscal years. */
  deMinimisPriorOre: moneyOre.nullable().optional(),
  annexes: z
    .array(
      z
        .string()
        .max(200, { message: 'validation.tooLong' })
        .transform((s) => s.trim()),
    )
    .max(30)
    .transform((v) => v.filter(Boolean))
    .optional(),
  deadline: optionalDate,
});
export type LagFields = z.output<typeof lagFieldsSchema>;

export const lagCreateSchema = lagFieldsSchema.extend({
  companyId: idField,
  budget: z.array(budgetLineSchema).max(200).optional(),
});
export type LagCreate = z.output<typeof lagCreateSchema>;
export type LagCreateInput = z.input<typeof lagCreateSchema>;
export const lagUpdateSchema = z.object({
  id: idField,
  changes: lagFieldsSchema.partial(),
  /** All budget lines, replacing the old ones in the same transaction as the changes (as `lag.setBudget`). */
  budget: lagCreateSchema.shape.budget,
});
/** Replaces all budget lines at once, in the order given: the UI edits them as one grid. */
export const lagBudgetSchema = z.object({ id: idField, lines: z.array(budgetLineSchema).max(200) });
export const lagStatusSchema = z.object({
  id: idField,
  status: z.enum(LAG_STATUSES),
  date: optionalDate,
  /** With "approved": the grant the authority awarded. */
  grantAwardedOre: moneyOre.nullable().optional(),
});
export const lagListSchema = z.object({
  companyId: idField.optional(),
  lagId: idField.optional(),
  status: z.array(z.enum(LAG_STATUSES)).max(LAG_STATUSES.length).optional(),
  limit: z.number().int().min(1).max(5000).optional(),
  offset: z.number().int().min(0).optional(),
});
export type LagListQuery = z.output<typeof lagListSchema>;

/** Financing figures for a form that has not been saved yet, so the grant share updates as one types. */
export const financingPreviewSchema = z.object({
  /** The firm and the application, so the preview checks the firm's de minimis ledger. */
  companyId: optionalId,
  applicationId: optionalId,
  schemeId: optionalId,
  foodProcessing: z.boolean().optional(),
  lines: z.array(z.object({ category: z.string().max(100), amountOre: moneyOre })).max(200),
  grantRequestedOre: moneyOre.optional(),
  ownCashOre: moneyOre.optional(),
  ownHoursOre: moneyOre.optional(),
  otherPublicOre: moneyOre.optional(),
  deMinimisPriorOre: moneyOre.nullable().optional(),
  periodStart: optionalDate,
  submittedAt: optionalDate,
  deadline: optionalDate,
  status: z.enum(LAG_STATUSES).optional(),
});

export interface BudgetLine {
  id: number;
  position: number;
  category: string;
  description: string;
  supplier: string | null;
  amountOre: number;
  quoteRef: string | null;
}

export type CheckSeverity = 'error' | 'warning';

/** A rule the application breaks or comes close to; shown, never blocking a save. */
export interface LagCheck {
  code: string;
  severity: CheckSeverity;
  message: string;
}

export interface FinancingSummary {
  budgetTotalOre: number;
  grantRequestedOre: number;
  ownCashOre: number;
  ownHoursOre: number;
  otherPublicOre: number;
  financingTotalOre: number;
  /** Financing minus budget: 0 when they balance. */
  differenceOre: number;
  /** Grant as a share of eligible costs, in basis points (5000 = 50 %). */
  grantShareBp: number;
  /** Grant plus other public funding as a share of eligible costs. */
  publicShareBp: number;
  /** The maximum share that applies (the scheme's, or its food-processing rate). */
  maxGrantBp: number;
  /** The largest grant the budget allows at that share. */
  maxGrantOre: number;
  categories: Array<{ category: string; amountOre: number; shareBp: number }>;
  checks: LagCheck[];
  /** The firm's de minimis headroom on the grant date (docs/domain.md), when the firm is known. */
  deMinimis: {
    on: string;
    regulation: string;
    ceilingEurCents: number;
    countedEurCents: number;
    headroomEurCents: number;
  } | null;
}

export interface LagApplication {
  id: number;
  uuid: string;
  companyId: number;
  companyName: string;
  companyCvr: string | null;
  lagId: number;
  lagName: string;
  schemeId: number | null;
  schemeName: string | null;
  contactId: number | null;
  contactName: string | null;
  consultantId: number | null;
  consultantName: string | null;
  title: string;
  theme: string | null;
  purpose: string | null;
  activities: string | null;
  effectJobs: number | null;
  effectTurnoverOre: number | null;
  effectProducts: string | null;
  effectOther: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  foodProcessing: boolean;
  grantRequestedOre: number;
  ownCashOre: number;
  ownHours: number;
  ownHoursOre: number;
  otherPublicOre: number;
  otherPublicSource: string | null;
  deMinimisPriorOre: number | null;
  annexes: string[];
  deadline: string | null;
  status: LagStatus;
  allowedNext: LagStatus[];
  submittedAt: string | null;
  decidedAt: string | null;
  grantAwardedOre: number | null;
  paidAt: string | null;
  budget: BudgetLine[];
  financing: FinancingSummary;
  createdAt: string;
  updatedAt: string;
}

export interface SupportScheme {
  id: number;
  code: string;
  name: string;
  kind: 'lag' | 'advice' | 'other';
  operator: string;
  maxGrantBp: number;
  maxGrantBpFood: number | null;
  minAmountOre: number | null;
  maxAmountOre: number | null;
  ownHoursAllowed: boolean;
  deMinimis: boolean;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
  active: boolean;
}

export const schemeFieldsSchema = z.object({
  name: requiredText(200),
  kind: z.enum(['lag', 'advice', 'other']),
  operator: requiredText(200),
  maxGrantBp: z.number().int().min(0).max(10_000),
  maxGrantBpFood: z.number().int().min(0).max(10_000).nullable().optional(),
  minAmountOre: moneyOre.nullable().optional(),
  maxAmountOre: moneyOre.nullable().optional(),
  ownHoursAllowed: z.boolean(),
  deMinimis: z.boolean(),
  validFrom: optionalDate,
  validTo: optionalDate,
  note: optionalText(2000),
  active: z.boolean().optional(),
});
export const schemeCreateSchema = schemeFieldsSchema.extend({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{2,60}$/, { message: 'validation.invalidValue' }),
});
export const schemeUpdateSchema = z.object({ id: idField, changes: schemeFieldsSchema.partial() });
