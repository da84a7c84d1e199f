import type { TextareaHTMLAttributes } from 'react';
import type { Contact } from '../api/types';
import { SelectField } from '../components/Field';
import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/translate';

interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  id: string;
  label: string;
  error?: string | undefined;
}

/** A multi-line field laid out like Field.tsx's inputs, across the whole form width. */
export function TextAreaField({ id, label, error, ...area }: TextAreaProps) {
  return (
    <div className={`field field-wide${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="field-control">
        <textarea
          id={id}
          className="input textarea"
          rows={3}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          {...area}
        />
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** `<option>`s for records chosen by id and shown by name (organisations, contacts, schemes). */
export function NamedOptions({ items }: { items: readonly { id: number; name: string }[] }) {
  return (
    <>
      {items.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </>
  );
}

/** `<option>`s for a closed set of codes, each shown by its translated label. */
/** One option per code of a list, in the list's order, each with its label. */
export function LabelOptions<C extends string>({
  codes,
  label,
}: {
  codes: readonly C[];
  label: (code: C) => MessageKey;
}) {
  const t = useT();
  return (
    <>
      {codes.map((code) => (
        <option key={code} value={code}>
          {t(label(code))}
        </option>
      ))}
    </>
  );
}

interface ContactSelectProps {
  id: string;
  contacts: readonly Contact[];
  value: string;
  onChange(value: string): void;
}

/** "Kontaktperson": one of the company's contacts, or none. */
export function ContactSelect({ id, contacts, value, onChange }: ContactSelectProps) {
  const t = useT();
  return (
    <SelectField id={id} label={t('outreach.contactPerson')} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('outreach.noContact')}</option>
      <NamedOptions items={contacts} />
    </SelectField>
  );
}
