import { useEffect, useState } from 'react';
import { api } from '../api';
import { ApiCallError } from '../api/client';
import { Dialog } from '../components/Dialog';
import { SelectField, TextField } from '../components/Field';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { BudgetEditor } from './BudgetEditor';
import { FinancingPanel } from './FinancingPanel';
import { TextAreaField } from './fields';
import { budgetLines, type FormErrors, formFromApplication, type LagForm, lagFields, validateLag } from './lag-form';
import type { LagApplication } from './types';
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
  const [form, setForm] = useState<LagForm>(() => formFromApplication(application));
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.call('schemes.list', {}).then((s) => setSchemes(s.filter((x) => x.kind === 'lag' && x.active)), reportError);
  }, [reportError]);

  const set = <K extends keyof LagForm>(key: K, value: LagForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const err = (key: string) => (errors[key] ? t(errors[key] as 'out.required') : undefined);
  const text = (key: 'title' | 'theme' | 'periodStart' | 'periodEnd' | 'deadline' | 'effectJobs', date = false) => (
    <TextField
      id={`lagf-${key}`}
      label={t(`out.lag.${key}`)}
      placeholder={date ? t('out.datePlaceholder') : undefined}
      value={form[key]}
      error={err(key)}
      onChange={(e) => set(key, e.target.value)}
    />
  );

  const save = async () => {
    const found = validateLag(form);
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      let saved: LagApplication;
      if (application) {
        await api.call('lag.update', { id: application.id, changes: lagFields(form) });
        saved = await api.call('lag.setBudget', { id: application.id, lines: budgetLines(form) });
      } else {
        saved = await api.call('lag.create', { companyId, ...lagFields(form), budget: budgetLines(form) });
      }
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiCallError && Object.keys(e.fieldMessages).length) {
        const fm = e.fieldMessages;
        setErrors(Object.fromEntries(Object.keys(fm).map((k) => [k, 'out.invalid'])));
        reportError(e);
      } else reportError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={application ? t('out.lag.editTitle') : t('out.lag.newTitle')}
      size="large"
      onClose={onClose}
      onSubmit={save}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </>
      }
    >
      <div className="form-sections">
        <section className="form-section">
          <h3>{t('out.lag.project')}</h3>
          <div className="form-grid">
            <SelectField
              id="lagf-lagId"
              label={t('out.lag.lag')}
              value={form.lagId}
              error={err('lagId')}
              onChange={(e) => set('lagId', e.target.value)}
            >
              <option value="">{t('out.choose')}</option>
              {organisations
                .filter((o) => o.type === 'lag' && (o.active || String(o.id) === form.lagId))
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
            </SelectField>
            <SelectField
              id="lagf-scheme"
              label={t('out.lag.scheme')}
              value={form.schemeId}
              onChange={(e) => set('schemeId', e.target.value)}
            >
              <option value="">{t('out.lag.noScheme')}</option>
              {schemes.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </SelectField>
            {text('title')}
            {text('theme')}
            <SelectField
              id="lagf-contact"
              label={t('out.contactPerson')}
              value={form.contactId}
              onChange={(e) => set('contactId', e.target.value)}
            >
              <option value="">{t('out.noContact')}</option>
              {contacts.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <label className="field field-check">
              <input
                type="checkbox"
                checked={form.foodProcessing}
                onChange={(e) => set('foodProcessing', e.target.checked)}
              />
              {t('out.lag.foodProcessing')}
            </label>
            <TextAreaField
              id="lagf-purpose"
              label={t('out.lag.purpose')}
              value={form.purpose}
              onChange={(e) => set('purpose', e.target.value)}
            />
            <TextAreaField
              id="lagf-activities"
              label={t('out.lag.activities')}
              value={form.activities}
              onChange={(e) => set('activities', e.target.value)}
            />
            {text('effectJobs')}
            <TextAreaField
              id="lagf-effectOther"
              label={t('out.lag.effectOther')}
              value={form.effectOther}
              onChange={(e) => set('effectOther', e.target.value)}
            />
            {text('periodStart', true)}
            {text('periodEnd', true)}
            {text('deadline', true)}
          </div>
        </section>
        <section className="form-section">
          <h3>{t('out.lag.budget.title')}</h3>
          <BudgetEditor rows={form.rows} errors={errors} onChange={(rows) => set('rows', rows)} />
        </section>
        <section className="form-section">
          <h3>{t('out.lag.financing')}</h3>
          <FinancingPanel form={form} errors={errors} submittedAt={application?.submittedAt ?? null} set={set} />
        </section>
      </div>
    </Dialog>
  );
}
