import { useMemo, useState } from 'react';
import { api } from '../api';
import { ApiCallError } from '../api/client';
import type { Company } from '../api/types';
import { FormDialog } from '../components/FormDialog';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { useOpenForm } from '../lib/open-forms';
import { refreshConsultants, useConsultants, useKommuner } from '../lib/use-reference';
import { CompanyFormFields } from './CompanyFormFields';
import { CvrCorrectionDialog } from './CvrCorrectionDialog';
import {
  changedFields,
  emptyValues,
  type FieldErrors,
  FORM_FIELDS,
  type FormField,
  formFieldOf,
  matchConsultant,
  pick,
  toApiFields,
  valuesFromCompany,
} from './form-model';

interface Props {
  /** Absent: a new company. */
  company?: Company;
  onClose(): void;
  onSaved(company: Company): void;
  /** The CVR was corrected from inside the form (saved at once, with its reason). */
  onCvrCorrected?(company: Company): void;
}

type FieldMessage = { field: string; message: string };

/**
 * Create or edit a company. Each field is checked by the core when it loses focus; on save the
 * core checks everything again in its transaction, and its field messages appear by the fields.
 */
export function CompanyFormDialog({ company, onClose, onSaved, onCvrCorrected }: Props) {
  const t = useT();
  const { reportError } = useToasts();
  const kommuner = useKommuner(reportError);
  const consultants = useConsultants(reportError);
  const [initial, setInitial] = useState(() => (company ? valuesFromCompany(company) : emptyValues()));
  const [values, setValues] = useState(initial);
  useOpenForm(changedFields(initial, values).length > 0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [suggested, setSuggested] = useState<FormField[]>([]);
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const selfId = useMemo(() => (company ? { id: company.id } : {}), [company]);

  const change = (field: FormField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setSuggested((s) => s.filter((f) => f !== field));
  };

  /** Places each message by its field; messages for fields the form does not show go to the banner. */
  const showMessages = (messages: FieldMessage[], replaceAll: boolean) => {
    const next: FieldErrors = {};
    const loose: string[] = [];
    for (const m of messages) {
      const field = formFieldOf(m.field.split('.').pop() ?? m.field);
      if (field && !next[field]) next[field] = m.message;
      else if (!field) loose.push(m.message);
    }
    setErrors((e) => (replaceAll ? next : { ...e, ...next }));
    setBanner(loose.length ? loose.join(' ') : t('form.errorsBelow'));
  };

  const suggestFromPostcode = async (postcode: string) => {
    if (!/^\d{4}$/.test(postcode.trim()) || (values.city.trim() && values.kommuneCode)) return;
    const hit = await api.call('reference.postcode', { postcode: postcode.trim() });
    if (!hit) return;
    const filled: FormField[] = [];
    setValues((v) => {
      const next = { ...v };
      if (!v.city.trim()) {
        next.city = hit.city;
        filled.push('city');
      }
      if (!v.kommuneCode) {
        next.kommuneCode = String(hit.kommuneCode);
        filled.push('kommuneCode');
      }
      return next;
    });
    setSuggested((s) => [...s, ...filled]);
  };

  const validateField = async (field: FormField) => {
    // Leaving a field untouched is not an error yet; saving will say what is missing.
    if (field === 'ownerName' || (values[field] === initial[field] && !errors[field])) return;
    const match = field === 'consultant' ? matchConsultant(values.consultant, consultants) : undefined;
    // A new consultant name is fine: it is added when the form is saved.
    if (match === 'new') return setErrors((e) => ({ ...e, consultant: undefined }));
    // Closing a case needs a reason: the two fields are checked together.
    const together: FormField[] = field === 'status' || field === 'statusReason' ? ['status', 'statusReason'] : [field];
    const { fields, parseErrors } = toApiFields(pick(values, together), match);
    const parseError = parseErrors[field];
    if (parseError) return setErrors((e) => ({ ...e, [field]: t(parseError) }));
    try {
      const result = await api.call('companies.validate', { ...fields, ...selfId });
      const found = (f: FormField) => result.fields.find((m) => formFieldOf(m.field) === f)?.message;
      setErrors((e) => ({ ...e, ...Object.fromEntries(together.map((f) => [f, found(f)])) }));
      if (field === 'postcode' && !found('postcode')) await suggestFromPostcode(values.postcode);
    } catch (err) {
      const message = err instanceof ApiCallError ? Object.values(err.fieldMessages)[0] : undefined;
      if (message) setErrors((e) => ({ ...e, [field]: message }));
      else reportError(err);
    }
  };

  const submit = async () => {
    setBanner(null);
    const fieldsToSend = company
      ? changedFields(initial, values)
      : FORM_FIELDS.filter((f) => f === 'name' || values[f].trim() !== '');
    if (company && fieldsToSend.length === 0) return onClose();
    const match = fieldsToSend.includes('consultant') ? matchConsultant(values.consultant, consultants) : undefined;
    const { fields, parseErrors } = toApiFields(pick(values, fieldsToSend), match === 'new' ? undefined : match);
    const parseMessages = Object.entries(parseErrors).map(([field, key]) => ({ field, message: t(key) }));
    if (parseMessages.length) return showMessages(parseMessages, true);

    setBusy(true);
    try {
      // A new consultant is added with the save, so a refused form leaves none behind.
      const consultantName = match === 'new' ? values.consultant.trim() : undefined;
      const saved = company
        ? await api.call('companies.update', { id: company.id, changes: fields, consultantName })
        : await api.call('companies.create', { ...fields, name: fields.name ?? '', consultantName });
      if (consultantName) void refreshConsultants();
      onSaved(saved);
    } catch (err) {
      if (!(err instanceof ApiCallError)) reportError(err);
      else if (err.error.details?.fields?.length) showMessages(err.error.details.fields, true);
      else setBanner(err.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title={company ? t('form.editTitle', { name: company.name }) : t('form.createTitle')}
      size="large"
      busy={busy}
      submitLabel={company ? t('form.saveChanges') : t('form.create')}
      onClose={onClose}
      banner={banner}
      onSubmit={submit}
    >
      <CompanyFormFields
        values={values}
        errors={errors}
        suggested={suggested}
        kommuner={kommuner}
        consultants={consultants}
        isEdit={Boolean(company)}
        cvrLocked={Boolean(company?.cvr)}
        onChange={change}
        onBlur={(f) => void validateField(f)}
        onCorrectCvr={() => setCorrecting(true)}
      />
      {correcting && company ? (
        <CvrCorrectionDialog
          company={company}
          onClose={() => setCorrecting(false)}
          onCorrected={(updated) => {
            setCorrecting(false);
            const cvr = updated.cvr ?? '';
            setInitial((v) => ({ ...v, cvr }));
            setValues((v) => ({ ...v, cvr }));
            onCvrCorrected?.(updated);
          }}
        />
      ) : null}
    </FormDialog>
  );
}
