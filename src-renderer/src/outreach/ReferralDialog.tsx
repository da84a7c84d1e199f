import { useState } from 'react';
import { NEED_KEYS, type NeedKey } from '../../../src-shared/codes/visits';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import type { Referral } from '../api/types';
import { SelectField, TextAreaField } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { useFormSave, useFormValues } from '../components/form-binding';
import { CheckGroup } from '../components/form-choice';
import { DateField } from '../components/form-fields';
import { NamedOptions } from '../components/Options';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';
import { ContactSelect } from './fields';
import { useContacts, useOrganisations } from './use-outreach-data';

interface Props {
  companyId: number;
  referral: Referral | null;
  onClose(): void;
  onSaved(r: Referral): void;
}

/** Creates or edits a referral's letter content; status and outcome have their own actions. */
export function ReferralDialog({ companyId, referral, onClose, onSaved }: Props) {
  const t = useT();
  const { reportError } = useToasts();
  const organisations = useOrganisations(reportError);
  const contacts = useContacts(companyId, reportError);
  const form = useFormValues({
    organisationId: referral ? String(referral.organisationId) : '',
    contactId: referral?.contactId ? String(referral.contactId) : '',
    reason: referral?.reason ?? '',
    needs: (referral?.needs as NeedKey[] | undefined) ?? [],
    needsText: referral?.needsText ?? '',
    requestedAction: referral?.requestedAction ?? '',
    background: referral?.background ?? '',
    localActions: referral?.localActions ?? '',
    consentOn: formatDate(referral?.consentOn),
  });
  const { organisationId, contactId, reason } = form.values;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, save } = useFormSave(setErrors);

  const submit = async () => {
    const errs: Record<string, string> = {};
    if (!organisationId) errs.organisationId = t('validation.required');
    if (!reason.trim()) errs.reason = t('validation.required');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const fields = {
      ...form.values,
      organisationId: Number(organisationId),
      contactId: contactId ? Number(contactId) : null,
    };
    await save(async () => {
      const saved = referral
        ? await api.call('referrals.update', { id: referral.id, changes: fields })
        : await api.call('referrals.create', { companyId, ...fields });
      onSaved(saved);
    });
  };

  return (
    <FormDialog
      title={referral ? t('referral.editTitle') : t('referral.newTitle')}
      size="large"
      busy={busy}
      onClose={onClose}
      onSubmit={submit}
    >
      <div className="form-grid">
        <SelectField
          id="ref-org"
          label={t('referral.organisation')}
          {...form.bind('organisationId')}
          error={errors.organisationId}
        >
          <option value="">{t('outreach.choose')}</option>
          <NamedOptions items={organisations.filter((o) => o.active || String(o.id) === organisationId)} />
        </SelectField>
        <ContactSelect id="ref-contact" contacts={contacts} {...form.bind('contactId')} />
        <TextAreaField id="ref-reason" label={t('referral.reason')} {...form.bind('reason')} error={errors.reason} />
        <fieldset className="field field-wide checks">
          <legend>{t('referral.needs')}</legend>
          <CheckGroup
            options={NEED_KEYS.map((n) => ({ key: n, label: t(labelKey.need(n)) }))}
            chosen={form.values.needs}
            onChange={(needs) => form.set('needs', needs)}
          />
        </fieldset>
        <TextAreaField id="ref-needs-text" label={t('referral.needsText')} {...form.bind('needsText')} />
        <TextAreaField id="ref-background" label={t('referral.background')} {...form.bind('background')} />
        <TextAreaField id="ref-local" label={t('referral.localActions')} {...form.bind('localActions')} />
        <TextAreaField id="ref-action" label={t('referral.requestedAction')} {...form.bind('requestedAction')} />
        <DateField
          id="ref-consent"
          label={t('referral.consentOn')}
          {...form.bind('consentOn')}
          error={errors.consentOn}
        />
      </div>
    </FormDialog>
  );
}
