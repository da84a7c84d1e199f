import type { ReactNode } from 'react';
import type { Consultant, Contact, VisitReference } from '../api/types';
import { SelectField, TextField } from '../components/Field';
import { CheckGroup, Choice, RadioGroup } from '../components/form-choice';
import { FormSection } from '../components/form-section';
import { NamedOptions } from '../components/Options';
import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/translate';
import type { FormErrors, VisitFieldName, VisitFormValues } from './visit-form-model';

interface Props {
  values: VisitFormValues;
  errors: FormErrors['fields'];
  reference: VisitReference;
  consultants: readonly Consultant[];
  contacts: readonly Contact[];
  onChange<K extends VisitFieldName>(field: K, value: VisitFormValues[K]): void;
  /** Date and time fields are checked by the API as soon as they are left. */
  onBlurTime(): void;
}

function TextArea(props: {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  rows?: number | undefined;
  onChange(v: string): void;
}) {
  return (
    <div className={`field field-wide${props.error ? ' has-error' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        className="input visit-textarea"
        rows={props.rows ?? 3}
        value={props.value}
        maxLength={10_000}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.error ? (
        <p id={`${props.id}-error`} className="field-error">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

function Group({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <fieldset
      className={`visit-group field-wide${error ? ' has-error' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{label}</legend>
      {children}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The visit's fields top to bottom, in the order a consultant tells the story of the visit. */
export function VisitFormFields({ values, errors, reference, consultants, contacts, onChange, onBlurTime }: Props) {
  const t = useT();
  const text = (
    field: 'date' | 'startTime' | 'endTime' | 'durationMinutes' | 'location',
    key: MessageKey,
    extra = {},
  ) => (
    <TextField
      id={`visit-${field}`}
      label={t(key)}
      value={values[field]}
      error={errors[field]}
      autoComplete="off"
      onChange={(e) => onChange(field, e.target.value)}
      {...extra}
    />
  );
  const area = (field: 'businessDescription' | 'needsText' | 'nextSteps' | 'notes', key: MessageKey, rows?: number) => (
    <TextArea
      id={`visit-${field}`}
      label={t(key)}
      value={values[field]}
      error={errors[field]}
      rows={rows}
      onChange={(v) => onChange(field, v)}
    />
  );
  const timeProps = { onBlur: onBlurTime, maxLength: 5, placeholder: t('visit.timePlaceholder') };

  return (
    <div className="form-sections">
      <FormSection
        legend={t('visit.section.when')}
        after={
          <Group id="visit-participantIds" label={t('visit.participants')} error={errors.participantIds}>
            {contacts.length === 0 ? (
              <p className="muted">{t('visit.noContacts')}</p>
            ) : (
              <div className="visit-options">
                <CheckGroup
                  options={contacts.map((c) => ({
                    key: c.id,
                    label: (
                      <span>
                        {c.name}
                        {c.role ? <span className="muted"> · {c.role}</span> : null}
                      </span>
                    ),
                  }))}
                  chosen={values.participantIds}
                  onChange={(ids) => onChange('participantIds', ids)}
                />
              </div>
            )}
          </Group>
        }
      >
        {text('date', 'visit.date', { onBlur: onBlurTime, maxLength: 20, placeholder: t('common.datePlaceholder') })}
        {text('startTime', 'visit.startTime', timeProps)}
        {text('endTime', 'visit.endTime', timeProps)}
        {text('durationMinutes', 'visit.duration', { onBlur: onBlurTime, inputMode: 'numeric', maxLength: 4 })}
        <SelectField
          id="visit-type"
          label={t('visit.type')}
          value={values.type}
          error={errors.type}
          onChange={(e) => onChange('type', e.target.value as VisitFormValues['type'])}
        >
          {reference.visitTypes.map((x) => (
            <option key={x.key} value={x.key}>
              {x.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="visit-consultantId"
          label={t('visit.consultant')}
          value={values.consultantId}
          error={errors.consultantId}
          onChange={(e) => onChange('consultantId', e.target.value)}
        >
          <option value="">{t('common.none')}</option>
          <NamedOptions items={consultants.filter((c) => c.active || String(c.id) === values.consultantId)} />
        </SelectField>
        {text('location', 'visit.location', { maxLength: 200 })}
      </FormSection>

      <FormSection legend={t('visit.section.content')}>
        {area('businessDescription', 'visit.businessDescription')}
        <Group id="visit-needs" label={t('visit.needs')} error={errors.needs}>
          <div className="visit-options visit-needs">
            <CheckGroup
              options={reference.needs.map((n) => ({ key: n.key, label: <span>{n.label}</span> }))}
              chosen={values.needs}
              onChange={(needs) => onChange('needs', needs)}
            />
          </div>
        </Group>
        {area('needsText', 'visit.needsText', 2)}
        <Group id="visit-potential" label={t('visit.potential')} error={errors.potential}>
          <div className="visit-scale">
            <RadioGroup
              name="visit-potential"
              options={[{ level: 0, label: t('visit.potentialNone') }, ...reference.potentials].map((p) => ({
                key: p.level ? String(p.level) : '',
                label: <span>{p.label}</span>,
              }))}
              value={values.potential}
              onChange={(level) => onChange('potential', level)}
            />
          </div>
        </Group>
        <Choice
          className="option field-wide"
          checked={values.adviceGiven}
          onChange={(on) => onChange('adviceGiven', on)}
        >
          <span>{t('visit.adviceGiven')}</span>
        </Choice>
        {area('nextSteps', 'visit.nextSteps', 2)}
        {area('notes', 'visit.notes', 4)}
      </FormSection>
    </div>
  );
}
