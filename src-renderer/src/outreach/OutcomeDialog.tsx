import { useState } from 'react';
import { api } from '../api';
import { ApiCallError } from '../api/client';
import { Dialog } from '../components/Dialog';
import { SelectField, TextField } from '../components/Field';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';
import { REFERRAL_OUTCOME_KEYS } from './labels';
import { moneyInput, parseMoney } from './money';
import type { Referral, ReferralOutcome } from './types';
import { todayText } from './use-outreach-data';

interface Props {
  referral: Referral;
  onClose(): void;
  onSaved(r: Referral): void;
}

/** What came of a referral: e.g. a grant for specialised consultancy, its amount and date. */
export function OutcomeDialog({ referral, onClose, onSaved }: Props) {
  const t = useT();
  const { reportError } = useToasts();
  const [outcome, setOutcome] = useState<string>(referral.outcome ?? '');
  const [amount, setAmount] = useState(moneyInput(referral.outcomeAmountOre));
  const [date, setDate] = useState(referral.outcomeOn ? formatDate(referral.outcomeOn) : todayText());
  const [note, setNote] = useState(referral.outcomeNote ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const save = async () => {
    const amountOre = parseMoney(amount);
    if (amountOre === undefined) return setErrors({ amount: t('out.money.invalid') });
    setErrors({});
    try {
      const saved = await api.call('referrals.setOutcome', {
        id: referral.id,
        outcome: (outcome || null) as ReferralOutcome | null,
        amountOre,
        outcomeOn: date,
        note,
      });
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiCallError && Object.keys(err.fieldMessages).length) setErrors(err.fieldMessages);
      else reportError(err);
    }
  };

  return (
    <Dialog
      title={t('out.referral.outcomeTitle')}
      onClose={onClose}
      onSubmit={save}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary">
            {t('common.save')}
          </button>
        </>
      }
    >
      <div className="form-grid">
        <SelectField
          id="outcome-kind"
          label={t('out.referral.outcome')}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
        >
          <option value="">{t('out.referral.noOutcome')}</option>
          {Object.entries(REFERRAL_OUTCOME_KEYS).map(([k, key]) => (
            <option key={k} value={k}>
              {t(key)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="outcome-amount"
          label={t('out.referral.amount')}
          inputMode="decimal"
          value={amount}
          error={errors.amount ?? errors.amountOre}
          onChange={(e) => setAmount(e.target.value)}
          onBlur={() => {
            const ore = parseMoney(amount);
            if (typeof ore === 'number') setAmount(moneyInput(ore));
          }}
        />
        <TextField
          id="outcome-date"
          label={t('out.referral.outcomeOn')}
          placeholder={t('out.datePlaceholder')}
          value={date}
          error={errors.outcomeOn}
          onChange={(e) => setDate(e.target.value)}
        />
        <TextField
          id="outcome-note"
          label={t('out.note')}
          wide
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
    </Dialog>
  );
}
