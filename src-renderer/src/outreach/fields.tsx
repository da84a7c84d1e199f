import type { Contact } from '../api/types';
import { SelectField } from '../components/Field';
import { NamedOptions } from '../components/Options';
import { useT } from '../i18n/I18nProvider';

interface ContactSelectProps {
  id: string;
  contacts: readonly Contact[];
  value: string;
  onChange(e: { target: { value: string } }): void;
}

/** "Kontaktperson": one of the company's contacts, or none. */
export function ContactSelect({ id, contacts, value, onChange }: ContactSelectProps) {
  const t = useT();
  return (
    <SelectField id={id} label={t('outreach.contactPerson')} value={value} onChange={onChange}>
      <option value="">{t('outreach.noContact')}</option>
      <NamedOptions items={contacts} />
    </SelectField>
  );
}
