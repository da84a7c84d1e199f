import type { ComponentProps } from 'react';
import { moneyInput, parseMoneyInput } from '../../../src-shared/format/money';
import { useT } from '../i18n/I18nProvider';
import { TextField } from './Field';

/** Rewrites a readable amount in the Danish form ("1.250,00"); text it cannot read is left for the check. */
export function tidyMoney(text: string, write: (text: string) => void): void {
  const ore = parseMoneyInput(text);
  if (typeof ore === 'number') write(moneyInput(ore));
}

type MoneyFieldProps = Omit<ComponentProps<typeof TextField>, 'value' | 'onChange' | 'onBlur' | 'inputMode'> & {
  value: string;
  onValue(text: string): void;
};

/** An amount in kroner, typed freely and tidied when the field is left. */
export function MoneyField({ value, onValue, ...field }: MoneyFieldProps) {
  return (
    <TextField
      {...field}
      inputMode="decimal"
      value={value}
      onChange={(e) => onValue(e.target.value)}
      onBlur={() => tidyMoney(value, onValue)}
    />
  );
}

/** A date typed the Danish way; the core reads it and says when it cannot. */
export function DateField(props: Omit<ComponentProps<typeof TextField>, 'placeholder'>) {
  const t = useT();
  return <TextField {...props} placeholder={t('common.datePlaceholder')} />;
}
