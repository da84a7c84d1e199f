import { eurCentsToOre } from '../../../../src-shared/codes/deminimis';
import { formatLetterDate } from '../../../../src-shared/format/dates';
import { formatEuro, formatMoney, formatPercent, shareBasisPoints } from '../../../../src-shared/format/money';
import { labelKey } from '../../../../src-shared/messages/code-labels';
import { lagAnnexLines } from '../../attachments/lag-annexes';
import { ruleFor } from '../../deminimis/rules';
import { getLagApplication, latestLagForCompany } from '../../lag/lag-read';
import type { LagApplication } from '../../lag/lag-schema';
import {
  companyAddress,
  companyValues,
  contactValues,
  letterText,
  NOT_GIVEN,
  orNotGiven,
  pickContact,
} from '../common-values';
import type { Issue, KindBuilder } from './kind-types';

function period(a: LagApplication | undefined): string {
  if (!a?.periodStart || !a.periodEnd) return NOT_GIVEN;
  return `${formatLetterDate(a.periodStart)} – ${formatLetterDate(a.periodEnd)}`;
}

function jobs(n: number | null): string {
  if (n === null) return NOT_GIVEN;
  return letterText('letter.lag.jobs', { count: Number.isInteger(n) ? String(n) : n.toFixed(1).replace('.', ',') });
}

/** The ceiling named is the one in force on the grant date (the decision, else the letter's date). */
function deMinimisText(a: LagApplication, letterDate: string): string {
  const prior =
    a.deMinimisPriorOre === null
      ? letterText('letter.lag.deMinimisUnknown')
      : letterText('letter.lag.deMinimisPrior', { amount: formatMoney(a.deMinimisPriorOre) });
  const rule = ruleFor('general', a.decidedAt ?? letterDate);
  const ceiling = letterText('letter.lag.deMinimis', {
    prior,
    regulation: rule.regulation,
    ceiling: formatEuro(rule.ceilingEurCents),
    cap: formatMoney(eurCentsToOre(rule.ceilingEurCents)),
    period: letterText(labelKey.deMinimisPeriod(rule.period)),
  });
  const d = a.financing.deMinimis;
  if (!d) return ceiling;
  return `${ceiling} ${letterText('letter.lag.deMinimisLedger', {
    counted: formatEuro(d.countedEurCents),
    headroom: formatEuro(d.headroomEurCents),
    date: formatLetterDate(d.on),
  })}`;
}

/** The LAG application draft: the text and figures to paste into the authority's portal (docs/domain.md). */
export const buildLagDraft: KindBuilder = (db, company, req) => {
  const missing: Issue[] = [];
  const warnings: Issue[] = [];
  let app: LagApplication | undefined;
  if (req.applicationId !== undefined) {
    app = getLagApplication(db, req.applicationId, 'da', req.letterDate);
    if (app.companyId !== company.id) app = undefined;
  } else {
    app = latestLagForCompany(db, company.id, req.letterDate);
  }
  if (!app) missing.push({ key: 'doc.missing.lag' });
  const contact = pickContact(db, company.id, app?.contactId);
  if (!contact) missing.push({ key: 'doc.missing.contact' });
  if (app) {
    if (app.budget.length === 0) missing.push({ key: 'doc.missing.budget' });
    if (!app.purpose) missing.push({ key: 'doc.missing.purpose' });
    if (!app.activities) missing.push({ key: 'doc.missing.activities' });
    if (!app.periodStart || !app.periodEnd) missing.push({ key: 'doc.missing.period' });
  }
  if (!company.cvr) warnings.push({ key: 'doc.missing.cvr' });
  if (!companyAddress(company)) warnings.push({ key: 'doc.missing.address' });

  const f = app?.financing;
  const total = f?.budgetTotalOre ?? 0;
  const money = (ore: number | undefined) => formatMoney(ore ?? 0);
  const share = (ore: number | undefined) => formatPercent(shareBasisPoints(ore ?? 0, total));
  const checks = (f?.checks ?? []).filter((c) => c.code !== 'lag.check.noBudget');

  return {
    text: {
      ...companyValues(company),
      ...contactValues(contact),
      project_title: app?.title ?? '',
      lag_name: app?.lagName ?? '',
      lag_theme: orNotGiven(app?.theme),
      scheme_name: orNotGiven(app?.schemeName),
      deadline: app?.deadline ? formatLetterDate(app.deadline) : NOT_GIVEN,
      purpose: orNotGiven(app?.purpose),
      activities: orNotGiven(app?.activities),
      effect_jobs: jobs(app?.effectJobs ?? null),
      effect_turnover: app?.effectTurnoverOre != null ? formatMoney(app.effectTurnoverOre) : NOT_GIVEN,
      effect_products: orNotGiven(app?.effectProducts),
      effect_other: orNotGiven(app?.effectOther),
      period: period(app),
      budget_total: money(total),
      fin_grant: money(f?.grantRequestedOre),
      fin_grant_share: share(f?.grantRequestedOre),
      fin_own_cash: money(f?.ownCashOre),
      fin_own_cash_share: share(f?.ownCashOre),
      fin_own_hours: money(f?.ownHoursOre),
      fin_own_hours_share: share(f?.ownHoursOre),
      fin_own_hours_count: letterText('letter.lag.hours', { count: (app?.ownHours ?? 0).toLocaleString('da-DK') }),
      fin_other_public: money(f?.otherPublicOre),
      fin_other_public_share: share(f?.otherPublicOre),
      fin_other_public_source: orNotGiven(app?.otherPublicSource),
      fin_total: money(f?.financingTotalOre),
      fin_total_share: share(f?.financingTotalOre),
      max_share: formatPercent(f?.maxGrantBp ?? 5000, 0),
      de_minimis: app ? deMinimisText(app, req.letterDate) : '',
    },
    rows: {
      budget: (app?.budget ?? []).map((l) => ({
        category: l.category,
        description: l.description,
        supplier: orNotGiven(l.supplier),
        quote: l.quoteRef ?? '–',
        amount: formatMoney(l.amountOre),
      })),
      categories: (f?.categories ?? []).map((c) => ({
        name: c.category,
        amount: formatMoney(c.amountOre),
        share: formatPercent(c.shareBp),
      })),
      annexes: lagAnnexLines(db, app).map((text) => ({ text })),
      checks: checks.length ? checks.map((c) => ({ text: c.message })) : [{ text: letterText('letter.lag.noChecks') }],
    },
    missing,
    warnings,
    sources: { referralId: null, lagApplicationId: app?.id ?? null, visitId: null },
    fileStem: letterText('letter.lag.fileStem', { company: company.name }),
    title: letterText('letter.lag.title', { title: app?.title ?? company.name }),
  };
};
