import type { InputHTMLAttributes } from 'react';
import { COMPANY_STATUSES, LEGAL_FORMS } from '../../../src-shared/codes/companies';
import { INDUSTRY_SYSTEMS } from '../../../src-shared/codes/industry';
import { formMaxLength } from '../../../src-shared/fields/companies';
import { labelKey as codeLabelKey } from '../../../src-shared/messages/code-labels';
import type { Consultant, Kommune } from '../api/types';
import { SelectField, TextField } from '../components/Field';
import { LabelOptions } from '../components/Options';
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

  const text = (field: FormField, extra: { wide?: boolean } & InputHTMLAttributes<HTMLInputElement> = {}) => (
    <TextField
      id={`company-${field}`}
      label={t(labelKey(field))}
      value={values[field]}
      error={errors[field]}
      hint={props.suggested.includes(field) ? t('field.postcodeSuggestion') : undefined}
      onChange={(e) => props.onChange(field, e.target.value)}
      onBlur={() => props.onBlur(field)}
      autoComplete="off"
      maxLength={formMaxLength(field)}
      {...extra}
    />
  );

  return (
    <div className="form-sections">
      <fieldset className="form-section">
        <legend>{t('form.section.identity')}</legend>
        <div className="form-grid">
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
          <SelectField
            id="company-legalForm"
            label={t('field.legalForm')}
            value={values.legalForm}
            error={errors.legalForm}
            onChange={(e) => props.onChange('legalForm', e.target.value)}
          >
            <option value="">{t('field.choose')}</option>
            <LabelOptions codes={LEGAL_FORMS} label={codeLabelKey.legalForm} />
          </SelectField>
          {text('industryCode', { placeholder: t('field.industryPlaceholder'), inputMode: 'numeric' })}
          <SelectField
            id="company-industrySystem"
            label={t('field.industrySystem')}
            value={values.industrySystem}
            error={errors.industrySystem}
            onChange={(e) => props.onChange('industrySystem', e.target.value)}
          >
            <LabelOptions codes={INDUSTRY_SYSTEMS} label={codeLabelKey.industrySystem} />
          </SelectField>
          {text('employees', { inputMode: 'numeric' })}
          {text('founded', { placeholder: t('field.datePlaceholder') })}
          {props.isEdit ? null : text('ownerName')}
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('form.section.address')}</legend>
        <div className="form-grid">
          {text('address', { wide: true })}
          {text('postcode', { inputMode: 'numeric' })}
          {text('city')}
          <SelectField
            id="company-kommuneCode"
            label={t('field.kommuneCode')}
            value={values.kommuneCode}
            error={errors.kommuneCode}
            hint={props.suggested.includes('kommuneCode') ? t('field.postcodeSuggestion') : undefined}
            onChange={(e) => props.onChange('kommuneCode', e.target.value)}
          >
            <option value="">{t('field.choose')}</option>
            {props.kommuner.map((k) => (
              <option key={k.code} value={String(k.code)}>
                {k.name}
              </option>
            ))}
          </SelectField>
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('form.section.contact')}</legend>
        <div className="form-grid">
          {text('phone', { inputMode: 'tel' })}
          {text('email', { inputMode: 'email' })}
          {text('website', { wide: true, inputMode: 'url' })}
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('form.section.case')}</legend>
        <div className="form-grid">
          <SelectField
            id="company-status"
            label={t('field.status')}
            value={values.status}
            error={errors.status}
            onChange={(e) => props.onChange('status', e.target.value)}
          >
            <LabelOptions codes={COMPANY_STATUSES} label={codeLabelKey.companyStatus} />
          </SelectField>
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
        </div>
      </fieldset>
    </div>
  );
}
