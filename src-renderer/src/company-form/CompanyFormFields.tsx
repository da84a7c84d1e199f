import type { InputHTMLAttributes, ReactNode } from 'react';
import { COMPANY_STATUSES, LEGAL_FORMS } from '../../../src-shared/codes/companies';
import { INDUSTRY_SYSTEMS } from '../../../src-shared/codes/industry';
import { formMaxLength } from '../../../src-shared/fields/companies';
import { labelKey as codeLabelKey } from '../../../src-shared/messages/code-labels';
import type { Consultant, Kommune } from '../api/types';
import { SelectField, TextField } from '../components/Field';
import { FormSection } from '../components/form-section';
import { LabelOptions, NamedOptions } from '../components/Options';
import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/translate';
import type { FieldErrors, FormField, FormValues } from './form-model';

interface Props {
  values: FormValues;
  errors: FieldErrors;
  suggested: readonly FormField[];
  kommuner: readonly Kommune[];
  consultants: readonly Consultant[];
  isEdit: boolean;
  cvrLocked: boolean;
  onChange(field: FormField, value: string): void;
  onBlur(field: FormField): void;
  onCorrectCvr(): void;
}

/** The company form's fields in four groups; state and saving live in CompanyFormDialog. */
export function CompanyFormFields(props: Props) {
  const t = useT();
  const { values, errors } = props;
  const labelKey = (f: FormField): MessageKey => (f === 'consultant' ? 'field.consultantId' : `field.${f}`);

  const suggestion = (field: FormField) =>
    props.suggested.includes(field) ? t('field.postcodeSuggestion') : undefined;
  /** What an input and a select for one field have in common: its id, label, value, message and change. */
  const bound = (field: FormField) => ({
    id: `company-${field}`,
    label: t(labelKey(field)),
    value: values[field],
    error: errors[field],
    hint: suggestion(field),
    onChange: (e: { target: { value: string } }) => props.onChange(field, e.target.value),
  });
  const text = (field: FormField, extra: { wide?: boolean } & InputHTMLAttributes<HTMLInputElement> = {}) => (
    <TextField
      {...bound(field)}
      onBlur={() => props.onBlur(field)}
      autoComplete="off"
      maxLength={formMaxLength(field)}
      {...extra}
    />
  );

  const select = (field: FormField, options: ReactNode) => <SelectField {...bound(field)}>{options}</SelectField>;

  return (
    <div className="form-sections">
      <FormSection legend={t('form.section.identity')}>
        {text('name', { wide: true })}
        <TextField
          id="company-cvr"
          label={t('field.cvr')}
          value={values.cvr}
          error={errors.cvr}
          hint={props.cvrLocked ? t('form.cvrLocked') : undefined}
          readOnly={props.cvrLocked}
          double={props.cvrLocked}
          inputMode="numeric"
          maxLength={formMaxLength('cvr')}
          autoComplete="off"
          onChange={(e) => props.onChange('cvr', e.target.value)}
          onBlur={() => props.cvrLocked || props.onBlur('cvr')}
          action={
            props.cvrLocked ? (
              <button type="button" className="btn btn-small" onClick={props.onCorrectCvr}>
                {t('cvr.correct')}
              </button>
            ) : null
          }
        />
        {text('pNumber', { inputMode: 'numeric' })}
        {select(
          'legalForm',
          <>
            <option value="">{t('field.choose')}</option>
            <LabelOptions codes={LEGAL_FORMS} label={codeLabelKey.legalForm} />
          </>,
        )}
        {text('industryCode', { placeholder: t('field.industryPlaceholder'), inputMode: 'numeric' })}
        {select('industrySystem', <LabelOptions codes={INDUSTRY_SYSTEMS} label={codeLabelKey.industrySystem} />)}
        {text('employees', { inputMode: 'numeric' })}
        {text('founded', { placeholder: t('field.datePlaceholder') })}
        {props.isEdit ? null : text('ownerName')}
      </FormSection>
      <FormSection legend={t('form.section.address')}>
        {text('address', { wide: true })}
        {text('postcode', { inputMode: 'numeric' })}
        {text('city')}
        {select(
          'kommuneCode',
          <>
            <option value="">{t('field.choose')}</option>
            <NamedOptions items={props.kommuner.map((k) => ({ id: k.code, name: k.name }))} />
          </>,
        )}
      </FormSection>
      <FormSection legend={t('form.section.contact')}>
        {text('phone', { inputMode: 'tel' })}
        {text('email', { inputMode: 'email' })}
        {text('website', { wide: true, inputMode: 'url' })}
      </FormSection>
      <FormSection legend={t('form.section.case')}>
        {select('status', <LabelOptions codes={COMPANY_STATUSES} label={codeLabelKey.companyStatus} />)}
        {values.status === 'closed' || values.statusReason ? text('statusReason', { wide: true }) : null}
        {text('consultant', {
          placeholder: t('field.consultantPlaceholder'),
          list: 'company-consultant-list',
        })}
        <datalist id="company-consultant-list">
          {props.consultants.map((c) => (
            <option key={c.id} value={c.name} />
          ))}
        </datalist>
      </FormSection>
    </div>
  );
}
