import { type ReactNode, useEffect, useState } from 'react';
import { COMPANY_STATUSES } from '../../../src-shared/codes/companies';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { api } from '../api';
import type { BulkInputRaw, BulkKind, BulkResult, CaseloadFilters, NetworkSummary } from '../api/types';
import { Dialog } from '../components/Dialog';
import { ChoiceOptions, type OptionItem } from '../components/Options';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { JobProgress } from '../interop/JobProgress';
import { CANCELLED, useJob } from '../interop/use-job';
import { formatCount } from '../lib/format';
import { useConsultants } from '../lib/use-reference';

const KINDS: readonly BulkKind[] = ['reassign', 'status', 'followup', 'network'];

interface Props {
  selectedIds: readonly number[];
  query: { filters: CaseloadFilters; search: string; notes: boolean };
  /** Firms matching the filter (the table's total). */
  matching: number;
  onClose(): void;
  onDone(result: BulkResult): void;
}

/**
 * One action for many firms: the ticked rows or all matching the filter. A second step names how
 * many firms will change before anything is written; the core refuses bad input as a whole.
 */
export function BulkDialog({ selectedIds, query, matching, onClose, onDone }: Props) {
  const t = useT();
  const { reportError } = useToasts();
  const consultants = useConsultants(reportError);
  const [networks, setNetworks] = useState<NetworkSummary[]>([]);
  const [scope, setScope] = useState<'selected' | 'filter'>(selectedIds.length ? 'selected' : 'filter');
  const [kind, setKind] = useState<BulkKind>('reassign');
  const [consultantId, setConsultantId] = useState('');
  const [status, setStatus] = useState<string>('');
  const [reason, setReason] = useState('');
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [networkId, setNetworkId] = useState('');
  const [joined, setJoined] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Many firms take a while: the action reports progress as it writes and can be stopped (all or nothing).
  const job = useJob();

  useEffect(() => {
    api.call('networks.list', {}).then(setNetworks, reportError);
  }, [reportError]);

  const count = scope === 'selected' ? selectedIds.length : matching;

  const input = (): BulkInputRaw => {
    const selection = scope === 'selected' ? { ids: [...selectedIds] } : { query };
    const action: BulkInputRaw['action'] =
      kind === 'reassign'
        ? {
            kind,
            consultantId: consultantId ? Number(consultantId) : undefined,
            consultantName: consultantId ? undefined : '',
          }
        : kind === 'status'
          ? { kind, status: (status || 'identified') as (typeof COMPANY_STATUSES)[number], reason: reason || undefined }
          : kind === 'followup'
            ? { kind, title, dueDate: due }
            : { kind, networkId: Number(networkId) || 0, joinedOn: joined };
    return { selection, action };
  };

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await job.run('bulk', (jobId) => api.call('companies.bulk', input(), { jobId }));
      if (r === CANCELLED) {
        setConfirming(false);
        setError(t('bulk.cancelled'));
      } else onDone(r);
    } catch (err) {
      setConfirming(false);
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const field = (label: string, control: ReactNode) => (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is passed in and sits inside the label.
    <label className="field">
      <span className="field-label">{label}</span>
      {control}
    </label>
  );

  /** A required choice, "Vælg …" until one is made. */
  const choice = (label: string, value: string, onChange: (v: string) => void, options: readonly OptionItem[]) =>
    field(
      label,
      <select required value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('bulk.choose')}</option>
        <ChoiceOptions items={options} />
      </select>,
    );

  const dateField = (label: string, value: string, onChange: (v: string) => void) =>
    field(
      label,
      <input
        type="text"
        inputMode="numeric"
        placeholder={t('common.datePlaceholder')}
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />,
    );

  const footer = job.running ? null : confirming ? (
    <>
      <button type="button" className="btn" onClick={() => setConfirming(false)}>
        {t('bulk.back')}
      </button>
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run()}>
        {t('bulk.confirm', { count: formatCount(count) })}
      </button>
    </>
  ) : (
    <>
      <button type="button" className="btn" onClick={onClose}>
        {t('common.cancel')}
      </button>
      <button type="submit" form="bulk-form" className="btn btn-primary">
        {t('bulk.confirm', { count: formatCount(count) })}
      </button>
    </>
  );

  return (
    <Dialog title={t('bulk.title')} onClose={job.running ? job.cancel : onClose} footer={footer}>
      {job.progress ? (
        <JobProgress label={t('bulk.running')} progress={job.progress} onCancel={job.cancel} />
      ) : confirming ? (
        <p>{t('bulk.confirmQuestion', { count: formatCount(count) })}</p>
      ) : (
        <form
          id="bulk-form"
          className="bulk-form"
          onSubmit={(e) => {
            e.preventDefault();
            setConfirming(true);
          }}
        >
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          <fieldset>
            <legend>{t('bulk.scope.legend')}</legend>
            <label className="option">
              <input
                type="radio"
                name="bulk-scope"
                checked={scope === 'selected'}
                disabled={!selectedIds.length}
                onChange={() => setScope('selected')}
              />
              <span>{t('bulk.scope.selected', { count: formatCount(selectedIds.length) })}</span>
            </label>
            <label className="option">
              <input type="radio" name="bulk-scope" checked={scope === 'filter'} onChange={() => setScope('filter')} />
              <span>{t('bulk.scope.filter', { count: formatCount(matching) })}</span>
            </label>
          </fieldset>
          <fieldset>
            <legend>{t('bulk.action.legend')}</legend>
            {KINDS.map((k) => (
              <label key={k} className="option">
                <input type="radio" name="bulk-kind" checked={kind === k} onChange={() => setKind(k)} />
                <span>{t(`bulk.action.${k}`)}</span>
              </label>
            ))}
          </fieldset>
          {kind === 'reassign'
            ? choice(
                t('bulk.field.consultant'),
                consultantId,
                setConsultantId,
                consultants.map((c) => ({ value: c.id, label: c.name })),
              )
            : null}
          {kind === 'status' ? (
            <>
              {choice(
                t('bulk.field.status'),
                status,
                setStatus,
                COMPANY_STATUSES.map((s) => ({ value: s, label: t(labelKey.companyStatus(s)) })),
              )}
              {status === 'closed'
                ? field(
                    t('bulk.field.reason'),
                    <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} />,
                  )
                : null}
            </>
          ) : null}
          {kind === 'followup' ? (
            <>
              {field(
                t('bulk.field.title'),
                <input type="text" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />,
              )}
              {dateField(t('bulk.field.due'), due, setDue)}
            </>
          ) : null}
          {kind === 'network' ? (
            <>
              {choice(
                t('bulk.field.network'),
                networkId,
                setNetworkId,
                networks.map((n) => ({ value: n.id, label: n.name })),
              )}
              {dateField(t('bulk.field.joined'), joined, setJoined)}
            </>
          ) : null}
        </form>
      )}
    </Dialog>
  );
}
