import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import { ApiCallError } from '../api/client';
import type { FollowUp, VisitReference } from '../api/types';
import type { RouteProps } from '../app/routes';
import { caseloadStore } from '../caseload/caseload-store';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormButtons } from '../components/FormDialog';
import { submitWith } from '../components/form-binding';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { formatDateTime } from '../lib/format';
import { FollowUpRows } from './FollowUpRows';
import { useDraftAutosave } from './use-draft';
import { useLeaveGuard } from './use-leave-guard';
import { type Loaded, useVisitFormData } from './use-visit-form-data';
import { useVisitReference } from './use-visit-reference';
import { VisitFormFields } from './VisitFormFields';
import {
  draftKeyFor,
  type FormErrors,
  hasErrors,
  mapFieldErrors,
  NO_ERRORS,
  sameValues,
  toCreateInput,
  toUpdateInput,
  type VisitFieldName,
  type VisitFormValues,
  visitFields,
} from './visit-form-model';
import './visits.css';

/** `#/companies/:id/visits/new` and `#/companies/:id/visits/:visitId`: record or change a visit. */
export function VisitFormPage({ params }: RouteProps) {
  const t = useT();
  const { reportError } = useToasts();
  const companyId = Number(params.id);
  const visitId = params.visitId && params.visitId !== 'new' ? Number(params.visitId) : null;
  const reference = useVisitReference(reportError);

  const { loaded, failure } = useVisitFormData(companyId, visitId, reportError);

  if (failure)
    return (
      <section className="page">
        <div className="banner banner-error" role="alert">
          {failure}
        </div>
      </section>
    );
  if (!loaded || !reference) return <p className="page muted">{t('common.loading')}</p>;
  return <VisitForm key={`${companyId}:${visitId}`} loaded={loaded} reference={reference} />;
}

function VisitForm({ loaded, reference }: { loaded: Loaded; reference: VisitReference }) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const { company, contacts, visit, consultants } = loaded;
  const draftKey = draftKeyFor(company.id, visit?.id ?? null);
  const backHash = `#/companies/${company.id}/visits`;
  const [values, setValues] = useState(loaded.initial);
  const [baseline, setBaseline] = useState(loaded.baseline);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [restoredAt, setRestoredAt] = useState(loaded.restoredAt);
  const [askClose, setAskClose] = useState(false);
  const dirty = !sameValues(values, baseline);
  const guard = useLeaveGuard(dirty, t('visit.leaveQuestion'));
  const payload = useMemo(() => ({ values }), [values]);
  const draft = useDraftAutosave({ key: draftKey, companyId: company.id, payload, dirty, enabled: true });
  const formRef = useRef<HTMLFormElement>(null);

  const change = useCallback(<K extends VisitFieldName>(field: K, value: VisitFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => (e.fields[field] ? { ...e, fields: { ...e.fields, [field]: undefined } } : e));
  }, []);

  const checkTimes = () => {
    const f = visitFields(values);
    const input = {
      ...(visit ? { id: visit.id } : { companyId: company.id }),
      date: f.date,
      startTime: f.startTime,
      ...('endTime' in f ? { endTime: f.endTime } : { durationMinutes: f.durationMinutes }),
    };
    api.call('visits.validate', input).then((r) => {
      const found = mapFieldErrors(r.fields).fields;
      setErrors((e) => ({
        ...e,
        fields: {
          ...e.fields,
          date: found.date,
          startTime: found.startTime,
          endTime: found.endTime,
          durationMinutes: found.durationMinutes,
        },
      }));
    }, reportError);
  };

  const showErrors = (err: unknown, sentRows: number[]) => {
    if (!(err instanceof ApiCallError)) return reportError(err);
    const mapped = mapFieldErrors(err.error.details?.fields ?? [], sentRows);
    if (!hasErrors(mapped)) mapped.other.push(err.message);
    setErrors(mapped);
    // Focus the first marked field, so the keyboard user lands where the problem is.
    window.requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .has-error input')?.focus(),
    );
  };

  const save = async () => {
    if (busy) return;
    setBusy(true);
    draft.stop();
    setErrors(NO_ERRORS);
    const sentRows = values.followups
      .map((f, i) => (f.title.trim() || f.dueDate.trim() ? i : -1))
      .filter((i) => i >= 0);
    try {
      const saved = visit
        ? await api.call('visits.update', toUpdateInput(values, visit, draftKey))
        : await api.call('visits.create', toCreateInput(values, company.id, draftKey));
      caseloadStore.dataChanged();
      notify('success', t(visit ? 'visit.updated' : 'visit.created'));
      if (saved.company.status !== saved.company.previousStatus)
        notify('info', t('visit.statusMoved', { status: t(labelKey.companyStatus(saved.company.status)) }));
      guard.leave(backHash);
    } catch (err) {
      draft.resume();
      showErrors(err, sentRows);
    } finally {
      setBusy(false);
    }
  };

  const discard = async () => {
    draft.stop();
    await api.call('drafts.discard', { key: draftKey }).catch(reportError);
    guard.leave(backHash);
  };

  const close = () => (dirty ? setAskClose(true) : guard.leave(backHash));

  // Start at the top of the form: the keyboard user tabs down through it from the date.
  useEffect(() => {
    document.getElementById('visit-date')?.focus();
  }, []);

  // Latest handlers for the window-level keys, without re-binding on every key press.
  const keys = useRef({ save, close });
  keys.current = { save, close };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void keys.current.save();
      } else if (e.altKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyB' || e.code === 'KeyO')) {
        // The two places a visit is most often recorded into, without tabbing through the rest.
        e.preventDefault();
        if (e.code === 'KeyB') document.querySelector<HTMLElement>('.visit-needs input')?.focus();
        else document.getElementById('followup-add')?.click();
      } else if (e.key === 'Escape' && !document.querySelector('dialog[open]')) {
        e.preventDefault();
        keys.current.close();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const title = visit ? t('visit.editTitle') : t('visit.newTitle');
  return (
    <section className="page page-visit" aria-labelledby="visit-title">
      <a className="back-link" href={backHash}>
        ← {company.name}
      </a>
      <header className="visit-head">
        <h1 id="visit-title">
          {title} <span className="visit-head-company">· {company.name}</span>
        </h1>
        <p className="visit-draft-status" role="status">
          {draft.status === 'saving'
            ? t('visit.draft.saving')
            : draft.status === 'saved' && draft.savedAt
              ? t('visit.draft.saved', { time: formatDateTime(draft.savedAt) })
              : draft.status === 'failed'
                ? t('visit.draft.failed')
                : ''}
        </p>
      </header>
      {restoredAt ? (
        <div className="banner visit-restored" role="status">
          <span>{t('visit.draft.restored', { time: formatDateTime(restoredAt) })}</span>
          <button type="button" className="btn btn-small" onClick={() => setAskClose(true)}>
            {t('visit.draft.discard')}
          </button>
        </div>
      ) : null}
      {errors.other.length ? (
        <div className="banner banner-error" role="alert">
          {errors.other.join(' ')}
        </div>
      ) : null}
      <form ref={formRef} className="visit-form" noValidate onSubmit={submitWith(save)}>
        <VisitFormFields
          values={values}
          errors={errors.fields}
          reference={reference}
          consultants={consultants}
          contacts={contacts}
          onChange={change}
          onBlurTime={checkTimes}
        />
        <FollowUpRows
          rows={values.followups}
          errors={errors.followups}
          existing={visit?.followups ?? ([] as FollowUp[])}
          onChange={(rows) => setValues((v) => ({ ...v, followups: rows }))}
        />
        <footer className="visit-foot">
          <span className="muted visit-keys">{t('visit.keys')}</span>
          <FormButtons busy={busy} label={t('visit.save')} onCancel={close} />
        </footer>
      </form>
      {askClose ? (
        <ConfirmDialog
          text={t('visit.leaveQuestion')}
          confirmLabel={t('visit.leaveDiscard')}
          danger
          onClose={() => setAskClose(false)}
          onConfirm={async () => {
            setAskClose(false);
            setRestoredAt(null);
            setBaseline(values);
            await discard();
          }}
        />
      ) : null}
      {guard.pending ? (
        <ConfirmDialog
          text={t('visit.leaveQuestion')}
          confirmLabel={t('visit.leaveDiscard')}
          danger
          onClose={guard.cancel}
          onConfirm={async () => {
            const target = guard.pending ?? backHash;
            draft.stop();
            await api.call('drafts.discard', { key: draftKey }).catch(reportError);
            guard.leave(target);
          }}
        />
      ) : null}
    </section>
  );
}
