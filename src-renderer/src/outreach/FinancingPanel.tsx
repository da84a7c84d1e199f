import { type ReactNode, useEffect, useState } from 'react';
import { formatDateDa } from '../../../src-shared/format/dates';
import { formatEuro, formatMoney, formatPercent } from '../../../src-shared/format/money';
import { api } from '../api';
import type { FinancingSummary } from '../api/types';
import { TextField } from '../components/Field';
import type { Binding } from '../components/form-binding';
import { MoneyField } from '../components/form-fields';
import { useT } from '../i18n/I18nProvider';
import { type LagForm, previewInput } from './lag-form';

interface Props {
  form: LagForm;
  /** The message for a field the check refused, if any. */
  err(key: string): string | undefined;
  bind(key: 'ownHours' | 'otherPublicSource'): Binding;
  submittedAt: string | null;
  /** The firm, so the preview checks the grant against its de minimis headroom. */
  companyId?: number;
  applicationId?: number;
  set<K extends keyof LagForm>(key: K, value: LagForm[K]): void;
}

const PREVIEW_DELAY_MS = 200;

/** One figure of the summary, under its name. */
function Fact({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** Financing inputs and the grant share the API computes from the unsaved figures as one types. */
export function FinancingPanel({ form, err, bind, submittedAt, companyId, applicationId, set }: Props) {
  const t = useT();
  const [summary, setSummary] = useState<FinancingSummary | null>(null);
  const input = JSON.stringify(previewInput(form, submittedAt, { companyId, applicationId }));

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      api.call('lag.previewFinancing', JSON.parse(input)).then(
        (s) => live && setSummary(s),
        // A figure the API cannot read yet (half-typed) keeps the last good preview.
        () => undefined,
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [input]);

  const money = (key: 'grantRequested' | 'ownCash' | 'ownHoursValue' | 'otherPublic') => (
    <MoneyField
      id={`lagf-${key}`}
      label={t(`lag.${key}`)}
      value={form[key]}
      error={err(key)}
      onValue={(v) => set(key, v)}
    />
  );

  return (
    <div className="financing">
      <div className="form-grid">
        {money('grantRequested')}
        {money('ownCash')}
        <TextField
          id="lagf-ownHours"
          label={t('lag.ownHours')}
          inputMode="decimal"
          {...bind('ownHours')}
          error={err('ownHours')}
        />
        {money('ownHoursValue')}
        {money('otherPublic')}
        <TextField id="lagf-otherPublicSource" label={t('lag.otherPublicSource')} {...bind('otherPublicSource')} />
      </div>
      {summary ? (
        <div className="financing-summary" aria-live="polite">
          <dl className="facts-inline">
            <Fact label={t('lag.budgetTotal')} testId="budget-total">
              {formatMoney(summary.budgetTotalOre)}
            </Fact>
            <Fact label={t('lag.financingTotal')}>{formatMoney(summary.financingTotalOre)}</Fact>
            <Fact label={t('lag.grantShare')} testId="grant-share">
              {formatPercent(summary.grantShareBp)}
            </Fact>
            <Fact label={t('lag.maxShare')}>
              {formatPercent(summary.maxGrantBp, 0)} ({formatMoney(summary.maxGrantOre)})
            </Fact>
            {summary.deMinimis ? (
              <Fact label={t('deminimis.headroom')} testId="deminimis-headroom">
                {t('deminimis.headroomNote', {
                  headroom: formatEuro(summary.deMinimis.headroomEurCents),
                  date: formatDateDa(summary.deMinimis.on),
                  regulation: summary.deMinimis.regulation,
                  ceiling: formatEuro(summary.deMinimis.ceilingEurCents),
                  counted: formatEuro(summary.deMinimis.countedEurCents),
                })}
              </Fact>
            ) : null}
          </dl>
          {summary.checks.length ? (
            <ul className="checks-list" aria-label={t('lag.checks')}>
              {summary.checks.map((c) => (
                <li key={c.code} className={`check check-${c.severity}`}>
                  {c.message}
                </li>
              ))}
            </ul>
          ) : (
            <p className="check check-ok">{t('lag.checksOk')}</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
