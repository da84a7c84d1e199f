import { useEffect, useRef, useState } from 'react';
import { api } from '../api';
import type { ExportFormat, ExportResult, ExportScopeInput } from '../api/types';
import { type CaseloadState, cleanFilters, hasFilters } from '../caseload/caseload-state';
import { Dialog } from '../components/Dialog';
import { useToasts } from '../components/Toasts';
import { downloadFile } from '../documents/open-document';
import { useT } from '../i18n/I18nProvider';
import { formatCount } from '../lib/format';
import { JobProgress } from './JobProgress';
import { CANCELLED, useJob } from './use-job';
import { exportFileName } from './wizard-model';
import './interop.css';

const EXTENSION: Record<ExportFormat, string> = { csv: 'csv', xlsx: 'xlsx', caseload: 'json' };

/**
 * A CSV or Excel list is what mailings and campaigns are made from, so firms protected against
 * advertising (CVR) are left out unless included; the caseload file carries everything (a hand-over).
 */
const CAMPAIGN_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx'];

interface Props {
  format: ExportFormat;
  state: Pick<CaseloadState, 'filters' | 'search' | 'searchNotes' | 'sort'>;
  onClose(): void;
}

/**
 * Asks what to export and where (a native save dialog in Electron; in browser mode the server
 * picks a path and the page downloads the file), then runs the export as a job with Cancel.
 */
export function ExportDialog({ format, state, onClose }: Props) {
  const t = useT();
  const { reportError } = useToasts();
  const job = useJob();
  const [scopeKind, setScopeKind] = useState<'query' | 'all'>(hasFilters(state) || state.sort.length ? 'query' : 'all');
  const [result, setResult] = useState<ExportResult | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const started = useRef(false);
  const campaign = CAMPAIGN_FORMATS.includes(format);
  const [includeProtected, setIncludeProtected] = useState(false);
  const [protectedCount, setProtectedCount] = useState(0);

  const scopeOf = (kind: 'query' | 'all'): ExportScopeInput =>
    kind === 'all'
      ? { kind: 'all' }
      : {
          kind: 'query',
          filters: cleanFilters(state.filters),
          search: state.search.trim(),
          notes: state.searchNotes,
          sort: state.sort.map((s) => ({ column: s.column, desc: s.desc })),
        };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the scope is read from the kind chosen; the table's state does not change while the dialog is open.
  useEffect(() => {
    if (!campaign) return;
    let live = true;
    api.call('interop.campaignScope', { scope: scopeOf(scopeKind) }).then(
      (r) => live && setProtectedCount(r.protected),
      () => live && setProtectedCount(0),
    );
    return () => {
      live = false;
    };
  }, [campaign, scopeKind]);

  const run = async () => {
    if (started.current) return;
    started.current = true;
    setCancelled(false);
    try {
      const label = t(`export.${format}`);
      const picked = await api.call('files.chooseSave', {
        title: t('export.saveTitle'),
        defaultName: exportFileName(format, t('export.baseName'), new Date()),
        filters: [{ name: label, extensions: [EXTENSION[format]] }],
      });
      if (!picked) return;
      const scope = scopeOf(scopeKind);
      const r = await job.run(`export-${format}`, (jobId) =>
        api.call(
          'interop.export',
          { format, path: picked.path, scope, campaign: campaign ? { includeProtected } : undefined },
          { jobId },
        ),
      );
      if (r === CANCELLED) return setCancelled(true);
      setResult(r);
      if (api.transport === 'http') downloadFile(r.path);
    } catch (err) {
      reportError(err);
    } finally {
      started.current = false;
    }
  };

  const protectedNote = (included: boolean, count: number): string => {
    if (count === 1) return t(included ? 'export.protected.includedOne' : 'export.protected.leftOutOne');
    const n = { count: formatCount(count) };
    return included ? t('export.protected.included', n) : t('export.protected.leftOut', n);
  };

  const companies = result?.counts.companies ?? 0;
  return (
    <Dialog
      title={t('export.title', { format: t(`export.${format}`) })}
      onClose={job.running ? job.cancel : onClose}
      footer={
        job.running ? null : result ? (
          <button type="button" className="btn btn-primary" onClick={onClose}>
            {t('common.close')}
          </button>
        ) : (
          <>
            <button type="button" className="btn" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="button" className="btn btn-primary" onClick={() => void run()}>
              {t('export.start')}
            </button>
          </>
        )
      }
    >
      {result ? (
        <div role="status" className="export-result">
          <p>{t('export.done', { count: formatCount(companies) })}</p>
          {result.leftOutProtected ? (
            <p data-testid="export-left-out">
              {result.leftOutProtected === 1
                ? t('export.protected.leftOutDoneOne')
                : t('export.protected.leftOutDone', { count: formatCount(result.leftOutProtected) })}
            </p>
          ) : null}
          {result.takenName ? (
            <p>
              {t('file.writtenBesideTaken', {
                file: result.path.split(/[\\/]/).pop() ?? result.path,
                taken: result.takenName,
              })}
            </p>
          ) : null}
          <p>
            <code data-testid="export-path">{result.path}</code>
          </p>
          {api.transport === 'electron' ? (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => api.call('files.open', { path: result.path }).catch(reportError)}
            >
              {t('export.open')}
            </button>
          ) : (
            <button type="button" className="btn btn-small" onClick={() => downloadFile(result.path)}>
              {t('export.download')}
            </button>
          )}
        </div>
      ) : job.progress ? (
        <JobProgress label={t('export.running')} progress={job.progress} onCancel={job.cancel} />
      ) : (
        <fieldset className="export-scope">
          <legend>{t('export.scope')}</legend>
          {(['query', 'all'] as const).map((k) => (
            <label key={k} className="option">
              <input type="radio" name="export-scope" checked={scopeKind === k} onChange={() => setScopeKind(k)} />
              {t(`export.scope.${k}`)}
            </label>
          ))}
          {campaign && protectedCount > 0 ? (
            <div className="export-protected">
              <label className="option">
                <input
                  type="checkbox"
                  checked={includeProtected}
                  aria-describedby="export-protected-note"
                  onChange={(e) => setIncludeProtected(e.target.checked)}
                />
                {t('export.protected.include')}
              </label>
              <p id="export-protected-note" className="muted" data-testid="export-protected-note">
                {protectedNote(includeProtected, protectedCount)}
              </p>
            </div>
          ) : null}
          {cancelled ? <p role="status">{t('export.cancelled')}</p> : null}
        </fieldset>
      )}
    </Dialog>
  );
}
