import { useState } from 'react';
import { NEED_KEYS, type NeedKey } from '../../../src-shared/codes/visits';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import type { Referral } from '../api/types';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import { FormDialog, fieldErrorsOf } from '../components/FormDialog';
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
  const [organisationId, setOrganisationId] = useState(referral ? String(referral.organisationId) : '');
  const [contactId, setContactId] = useState(referral?.contactId ? String(referral.contactId) : '');
  const [reason, setReason] = useState(referral?.reason ?? '');
  const [needs, setNeeds] = useState<NeedKey[]>((referral?.needs as NeedKey[] | undefined) ?? []);
  const [needsText, setNeedsText] = useState(referral?.needsText ?? '');
  const [requestedAction, setRequestedAction] = useState(referral?.requestedAction ?? '');
  const [background, setBackground] = useState(referral?.background ?? '');
  const [localActions, setLocalActions] = useState(referral?.localActions ?? '');
  const [consentOn, setConsentOn] = useState(formatDate(referral?.consentOn));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const errs: Record<string, string> = {};
    if (!organisationId) errs.organisationId = t('validation.required');
    if (!reason.trim()) errs.reason = t('validation.required');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const fields = {
      organisationId: Number(organisationId),
      contactId: contactId ? Number(contactId) : null,
      reason,
      needs,
      needsText,
      requestedAction,
      background,
      localActions,
      consentOn,
    };
    setBusy(true);
    try {
      const saved = referral
        ? await api.call('referrals.update', { id: referral.id, changes: fields })
        : await api.call('referrals.create', { companyId, ...fields });
      onSaved(saved);
    } catch (err) {
      const refused = fieldErrorsOf(err);
      if (refused) setErrors(refused);
      else reportError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title={referral ? t('referral.editTitle') : t('referral.newTitle')}
      size="large"
      busy={busy}
      onClose={onClose}
      onSubmit={save}
    >
      <div className="form-grid">
        <SelectField
          id="ref-org"
          label={t('referral.organisation')}
          value={organisationId}
          error={errors.organisationId}
          onChange={(e) => setOrganisationId(e.target.value)}
        >
          <option value="">{t('outreach.choose')}</option>
          <NamedOptions items={organisations.filter((o) => o.active || String(o.id) === organisationId)} />
        </SelectField>
        <ContactSelect id="ref-contact" contacts={contacts} value={contactId} onChange={setContactId} />
        <TextAreaField
          id="ref-reason"
          label={t('referral.reason')}
          value={reason}
          error={errors.reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <fieldset className="field field-wide checks">
          <legend>{t('referral.needs')}</legend>
          {NEED_KEYS.map((n) => (
            <label key={n} className="option">
              <input
                type="checkbox"
                checked={needs.includes(n)}
                onChange={(e) => setNeeds((all) => (e.target.checked ? [...all, n] : all.filter((x) => x !== n)))}
              />
              {t(labelKey.need(n))}
            </label>
          ))}
        </fieldset>
        <TextAreaField
          id="ref-needs-text"
          label={t('referral.needsText')}
          value={needsText}
          onChange={(e) => setNeedsText(e.target.value)}
        />
        <TextAreaField
          id="ref-background"
          label={t('referral.background')}
          value={background}
          onChange={(e) => setBackground(e.target.value)}
        />
        <TextAreaField
          id="ref-local"
          label={t('referral.localActions')}
          value={localActions}
          onChange={(e) => setLocalActions(e.target.value)}
        />
        <TextAreaField
          id="ref-action"
          label={t('referral.requestedAction')}
          value={requestedAction}
          onChange={(e) => setRequestedAction(e.target.value)}
        />
        <TextField
          id="ref-consent"
          label={t('referral.consentOn')}
          placeholder={t('outreach.datePlaceholder')}
          value={consentOn}
          error={errors.consentOn}
          onChange={(e) => setConsentOn(e.target.value)}
        />
      </div>
    </FormDialog>
  );
}
