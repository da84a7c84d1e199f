import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import type { SettingNotice, Settings } from '../api/types';
import type { RouteProps } from '../app/routes';
import { AttachmentsSettingsSection } from '../attachments/AttachmentsSettingsSection';
import { RemindersSection } from '../calendar/RemindersSection';
import { TextField } from '../components/Field';
import { FileDrop } from '../components/FileDrop';
import { RadioGroup } from '../components/form-choice';
import { PageForm } from '../components/form-section';
import { useToasts } from '../components/Toasts';
import { LetterKindsSection } from '../documents/LetterKindsSection';
import { PdfSettingsSection } from '../documents/PdfSettingsSection';
import { useI18n } from '../i18n/I18nProvider';
import { readAsBase64 } from '../lib/read-file';
import { ReportTargetsSection } from '../report/ReportTargetsSection';
import { TagsSettingsSection } from '../tags/TagsSettingsSection';
import { WeekSettingsSection } from '../week/WeekSettingsSection';
import { BackupsSection } from './BackupsSection';
import { TemplatesSection } from './TemplatesSection';
import '../outreach/outreach.css';

const TEXT_KEYS = [
  'user.name',
  'user.role',
  'letterhead.organisation',
  'letterhead.address',
  'letterhead.phone',
  'letterhead.email',
  'letterhead.signatureName',
  'letterhead.signatureTitle',
  'letterhead.signaturePhone',
  'letterhead.signatureEmail',
  'documents.folder',
] as const;
type TextKey = (typeof TEXT_KEYS)[number];

/** One card of the settings form: a heading that names its region, then its fields. */
function FieldsCard({ name, title, children }: { name: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={`set-${name}-title`}>
      <h2 id={`set-${name}-title`}>{title}</h2>
      <div className="form-grid">{children}</div>
    </section>
  );
}

/** `#/settings`: who writes (audit author), language, letterhead, documents folder and templates. */
export function SettingsPage({ params }: RouteProps) {
  const { t, lang, setLanguage } = useI18n();
  const { notify, reportError } = useToasts();
  const [values, setValues] = useState<Partial<Record<TextKey, string>>>({});
  const [logo, setLogo] = useState<string | null>(null);
  // Settings changed by hand (sqlite3) into something unreadable: the form shows them empty, this says why.
  const [problems, setProblems] = useState<SettingNotice[]>([]);
  const loadProblems = useCallback(
    () => api.call('settings.problems', {}).then(setProblems, reportError),
    [reportError],
  );

  useEffect(() => {
    api.call('settings.get', {}).then((s: Settings) => {
      setValues(Object.fromEntries(TEXT_KEYS.map((k) => [k, s[k] ?? ''])));
      setLogo(s['letterhead.logoPath'] ?? null);
    }, reportError);
    void loadProblems();
  }, [reportError, loadProblems]);

  // `#/settings/letterhead` (from "Brevpapiret mangler …"): straight to the letterhead's first field.
  const loaded = Object.keys(values).length > 0;
  useEffect(() => {
    if (!loaded || params.section !== 'letterhead') return;
    const first = document.getElementById('set-letterhead.organisation');
    first?.scrollIntoView({ block: 'center' });
    first?.focus({ preventScroll: true });
  }, [loaded, params.section]);

  const field = (
    key: TextKey,
    labelKey: Parameters<typeof t>[0],
    extra: { wide?: boolean; action?: ReactNode } = {},
  ) => (
    <TextField
      id={`set-${key}`}
      label={t(labelKey)}
      {...extra}
      value={values[key] ?? ''}
      onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
    />
  );

  const save = async () => {
    try {
      await api.call('settings.update', values);
      notify('success', t('settings.saved'));
      void loadProblems();
    } catch (err) {
      reportError(err);
    }
  };

  const chooseFolder = async () => {
    try {
      const picked = await api.call('files.chooseFolder', { title: t('settings.folder.choose') });
      if (picked) setValues((v) => ({ ...v, 'documents.folder': picked.path }));
    } catch (err) {
      reportError(err);
    }
  };

  const uploadLogo = async (file: File | undefined) => {
    if (!file) return;
    try {
      const r = await api.call('documents.setLogo', { base64: await readAsBase64(file), fileName: file.name });
      setLogo(r.path);
      notify('success', t('settings.logo.saved', { width: r.width, height: r.height }));
    } catch (err) {
      reportError(err);
    }
  };

  return (
    <section className="page outreach settings" aria-labelledby="settings-title">
      <div className="page-head">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </div>
      {problems.length ? (
        <div className="banner banner-error" role="alert" data-testid="settings-problems">
          <strong>{t('settings.problems')}</strong>
          <ul>
            {problems.map((p) => (
              <li key={p.key}>{p.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <PageForm className="outreach" submitLabel={t('common.save')} onSubmit={save}>
        <FieldsCard name="user" title={t('settings.user')}>
          {field('user.name', 'settings.userName')}
          {field('user.role', 'identity.role')}
          <p className="field-hint field-wide">{t('identity.settingsHint')}</p>
          <div className="field">
            <span className="field-label">{t('app.language')}</span>
            <div className="record-actions">
              <RadioGroup
                name="set-language"
                options={(['da', 'en'] as const).map((l) => ({ key: l, label: t(`app.language.${l}`) }))}
                value={lang}
                onChange={(l) => void setLanguage(l).then(loadProblems, reportError)}
              />
            </div>
          </div>
        </FieldsCard>
        <FieldsCard name="letterhead" title={t('settings.letterhead')}>
          {field('letterhead.organisation', 'settings.organisation', { wide: true })}
          {field('letterhead.address', 'settings.address', { wide: true })}
          {field('letterhead.phone', 'settings.phone')}
          {field('letterhead.email', 'settings.email')}
          {field('letterhead.signatureName', 'settings.signatureName')}
          {field('letterhead.signatureTitle', 'settings.signatureTitle')}
          {field('letterhead.signaturePhone', 'settings.signaturePhone')}
          {field('letterhead.signatureEmail', 'settings.signatureEmail')}
          <div className="field field-wide">
            <div className="field-control">
              <FileDrop
                label={t('settings.logo')}
                accept="image/png,image/jpeg,image/gif"
                chosen={logo}
                onFile={(file) => void uploadLogo(file)}
              />
              {logo ? (
                <button
                  type="button"
                  className="btn btn-small btn-quiet"
                  onClick={() => api.call('documents.setLogo', { clear: true }).then(() => setLogo(null), reportError)}
                >
                  {t('settings.logo.remove')}
                </button>
              ) : null}
            </div>
            <p className="field-hint">{logo ?? t('settings.logo.none')}</p>
          </div>
        </FieldsCard>
        <FieldsCard name="docs" title={t('settings.documents')}>
          {field('documents.folder', 'settings.folder', {
            wide: true,
            action: (
              <button type="button" className="btn btn-small" onClick={() => void chooseFolder()}>
                {t('settings.folder.choose')}
              </button>
            ),
          })}
        </FieldsCard>
      </PageForm>
      <TemplatesSection />
      <LetterKindsSection />
      <AttachmentsSettingsSection />
      <TagsSettingsSection />
      <RemindersSection />
      <ReportTargetsSection />
      <PdfSettingsSection />
      <WeekSettingsSection />
      <BackupsSection />
      {/* Personal data (privacy: retention, erasure, access requests) gets its own section here. */}
    </section>
  );
}
