import { useState } from 'react';
import { REFERRAL_OUTCOMES } from '../../../src-shared/codes/outreach';
import { moneyInput, parseMoneyInput } from '../../../src-shared/format/money';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import type { Referral, ReferralOutcome } from '../api/types';
import { SelectField, TextField } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { useFormSave, useFormValues } from '../components/form-binding';
import { DateField, MoneyField } from '../components/form-fields';
import { LabelOptions } from '../components/Options';
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
  const form = useFormValues({
    outcome: referral.outcome ?? '',
    amount: moneyInput(referral.outcomeAmountOre),
    date: referral.outcomeOn ? formatDate(referral.outcomeOn) : todayText(),
    note: referral.outcomeNote ?? '',
  });
  const { outcome, amount, date, note } = form.values;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { save } = useFormSave(setErrors);

  const submit = async () => {
    const amountOre = parseMoneyInput(amount);
    if (amountOre === undefined) return setErrors({ amount: t('outreach.money.invalid') });
    setErrors({});
    await save(async () => {
      const saved = await api.call('referrals.setOutcome', {
        id: referral.id,
        outcome: (outcome || null) as ReferralOutcome | null,
        amountOre,
        outcomeOn: date,
        note,
      });
      onSaved(saved);
    });
  };

  return (
    <FormDialog title={t('referral.outcomeTitle')} onClose={onClose} onSubmit={submit}>
      <div className="form-grid">
        <SelectField id="outcome-kind" label={t('referral.outcome')} {...form.bind('outcome')}>
          <option value="">{t('referral.noOutcome')}</option>
          <LabelOptions codes={REFERRAL_OUTCOMES} label={labelKey.referralOutcome} />
        </SelectField>
        <MoneyField
          id="outcome-amount"
          label={t('referral.amount')}
          value={amount}
          error={errors.amount ?? errors.amountOre}
          onValue={(v) => form.set('amount', v)}
        />
        <DateField id="outcome-date" label={t('referral.outcomeOn')} {...form.bind('date')} error={errors.outcomeOn} />
        <TextField id="outcome-note" label={t('outreach.note')} wide {...form.bind('note')} />
      </div>
    </FormDialog>
  );
}
