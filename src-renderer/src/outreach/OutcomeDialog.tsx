import { useState } from 'react';
import { REFERRAL_OUTCOMES } from '../../../src-shared/codes/outreach';
import { moneyInput, parseMoneyInput } from '../../../src-shared/format/money';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import type { Referral, ReferralOutcome } from '../api/types';
import { SelectField, TextField } from '../components/Field';
import { FormDialog, fieldErrorsOf } from '../components/FormDialog';
import { LabelOptions } from '../components/Options';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';
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
    const amountOre = parseMoneyInput(amount);
    if (amountOre === undefined) return setErrors({ amount: t('outreach.money.invalid') });
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
      const refused = fieldErrorsOf(err);
      if (refused) setErrors(refused);
      else reportError(err);
    }
  };

  return (
    <FormDialog title={t('referral.outcomeTitle')} onClose={onClose} onSubmit={save}>
      <div className="form-grid">
        <SelectField
          id="outcome-kind"
          label={t('referral.outcome')}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
        >
          <option value="">{t('referral.noOutcome')}</option>
          <LabelOptions codes={REFERRAL_OUTCOMES} label={labelKey.referralOutcome} />
        </SelectField>
        <TextField
          id="outcome-amount"
          label={t('referral.amount')}
          inputMode="decimal"
          value={amount}
          error={errors.amount ?? errors.amountOre}
          onChange={(e) => setAmount(e.target.value)}
          onBlur={() => {
            const ore = parseMoneyInput(amount);
            if (typeof ore === 'number') setAmount(moneyInput(ore));
          }}
        />
        <TextField
          id="outcome-date"
          label={t('referral.outcomeOn')}
          placeholder={t('outreach.datePlaceholder')}
          value={date}
          error={errors.outcomeOn}
          onChange={(e) => setDate(e.target.value)}
        />
        <TextField
          id="outcome-note"
          label={t('outreach.note')}
          wide
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
    </FormDialog>
  );
}
