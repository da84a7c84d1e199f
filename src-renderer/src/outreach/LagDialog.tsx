import { useEffect, useState } from 'react';
import { api } from '../api';
import type { LagApplication } from '../api/types';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { useFormSave, useFormValues } from '../components/form-binding';
import { Choice } from '../components/form-choice';
import { DateField } from '../components/form-fields';
import { NamedOptions } from '../components/Options';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { BudgetEditor } from './BudgetEditor';
import { FinancingPanel } from './FinancingPanel';
import { ContactSelect } from './fields';
import { budgetLines, type FormErrors, formFromApplication, type LagForm, lagFields, validateLag } from './lag-form';
import { useContacts, useOrganisations } from './use-outreach-data';

interface Props {
  companyId: number;
  application: LagApplication | null;
  onClose(): void;
  onSaved(a: LagApplication): void;
}

interface SchemeOption {
  id: number;
  name: string;
  kind: string;
}

export function LagDialog({ companyId, application, onClose, onSaved }: Props) {
  const t = useT();
  const { reportError } = useToasts();
  const organisations = useOrganisations(reportError);
  const contacts = useContacts(companyId, reportError);
  const [schemes, setSchemes] = useState<SchemeOption[]>([]);
  const { values: form, set, bind } = useFormValues<LagForm>(() => formFromApplication(application));
  const [errors, setErrors] = useState<FormErrors>({});
  const { busy, save } = useFormSave((refused, e) => {
    // The core's messages go to the toast; the fields it refused are marked in the form.
    setErrors(Object.fromEntries(Object.keys(refused).map((k) => [k, 'validation.invalidValue'])));
    reportError(e);
  });

  useEffect(() => {
    api.call('schemes.list', {}).then((s) => setSchemes(s.filter((x) => x.kind === 'lag' && x.active)), reportError);
  }, [reportError]);

  const err = (key: string) => (errors[key] ? t(errors[key] as 'validation.required') : undefined);
  const text = (key: 'title' | 'theme' | 'periodStart' | 'periodEnd' | 'deadline' | 'effectJobs', date = false) => {
    const Input = date ? DateField : TextField;
    return <Input id={`lagf-${key}`} label={t(`lag.${key}`)} {...bind(key)} error={err(key)} />;
  };

  const submit = async () => {
    const found = validateLag(form);
    setErrors(found);
    if (Object.keys(found).length) return;
    await save(async () => {
      const saved = application
        ? await api.call('lag.update', { id: application.id, changes: lagFields(form), budget: budgetLines(form) })
        : await api.call('lag.create', { companyId, ...lagFields(form), budget: budgetLines(form) });
      onSaved(saved);
    });
  };

  return (
    <FormDialog
      title={application ? t('lag.editTitle') : t('lag.newTitle')}
      size="large"
      busy={busy}
      onClose={onClose}
      onSubmit={submit}
    >
      <div className="form-sections">
        <section className="form-section">
          <h3>{t('lag.project')}</h3>
          <div className="form-grid">
            <SelectField id="lagf-lagId" label={t('lag.lag')} {...bind('lagId')} error={err('lagId')}>
              <option value="">{t('outreach.choose')}</option>
              <NamedOptions
                items={organisations.filter((o) => o.type === 'lag' && (o.active || String(o.id) === form.lagId))}
              />
            </SelectField>
            <SelectField id="lagf-scheme" label={t('lag.scheme')} {...bind('schemeId')}>
              <option value="">{t('lag.noScheme')}</option>
              <NamedOptions items={schemes} />
            </SelectField>
            {text('title')}
            {text('theme')}
            <ContactSelect id="lagf-contact" contacts={contacts} {...bind('contactId')} />
            <Choice
              className="field field-check"
              checked={form.foodProcessing}
              onChange={(on) => set('foodProcessing', on)}
            >
              {t('lag.foodProcessing')}
            </Choice>
            <TextAreaField id="lagf-purpose" label={t('lag.purpose')} {...bind('purpose')} />
            <TextAreaField id="lagf-activities" label={t('lag.activities')} {...bind('activities')} />
            {text('effectJobs')}
            <TextAreaField id="lagf-effectOther" label={t('lag.effectOther')} {...bind('effectOther')} />
            {text('periodStart', true)}
            {text('periodEnd', true)}
            {text('deadline', true)}
          </div>
        </section>
        <section className="form-section">
          <h3>{t('lag.budget.title')}</h3>
          <BudgetEditor rows={form.rows} errors={errors} onChange={(rows) => set('rows', rows)} />
        </section>
        <section className="form-section">
          <h3>{t('lag.financing')}</h3>
          <FinancingPanel
            form={form}
            err={err}
            bind={bind}
            submittedAt={application?.submittedAt ?? null}
            companyId={companyId}
            applicationId={application?.id}
            set={set}
          />
        </section>
      </div>
    </FormDialog>
  );
}
