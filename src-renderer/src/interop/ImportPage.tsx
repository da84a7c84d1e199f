import { useEffect, useState } from 'react';
import { api } from '../api';
import type {
  ImportField,
  ImportInspection,
  ImportOptionsInput,
  ImportReport,
  ImportResult,
  InteropFormats,
} from '../api/types';
import type { RouteProps } from '../app/routes';
import { caseloadStore } from '../caseload/caseload-store';
import { useT } from '../i18n/I18nProvider';
import { formatCount } from '../lib/format';
import { FilePicker, type PickedFile } from './FilePicker';
import { ImportDone } from './ImportDone';
import { JobProgress } from './JobProgress';
import { MappingStep } from './MappingStep';
import { ReportStep } from './ReportStep';
import { SourceStep } from './SourceStep';
import { CANCELLED, useJob } from './use-job';
import { duplicateFields, fileFromHash, hasKeyField, withOriginalName } from './wizard-model';
import './interop.css';

type Step = 'source' | 'mapping' | 'report' | 'done';
const STEPS: Step[] = ['source', 'mapping', 'report', 'done'];

/** Text of any failure, with an uploaded copy's stored name replaced by the file's own name. */
function errorText(err: unknown, file: PickedFile | null): string {
  const text = err instanceof Error ? err.message : String(err);
  return file ? withOriginalName(text, file.path, file.name) : text;
}

/**
 * The import wizard: file → columns → report → confirm. Every step before the last only reads
 * the file; the import itself is one job and one transaction, and Cancel leaves nothing written.
 */
export function ImportPage(_: RouteProps) {
  const t = useT();
  const job = useJob();
  const [formats, setFormats] = useState<InteropFormats | null>(null);
  const [file, setFile] = useState<PickedFile | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ file: string; text: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [inspection, setInspection] = useState<ImportInspection | null>(null);
  const [options, setOptions] = useState<ImportOptionsInput>({ emptyCells: 'keep' });
  const [mapping, setMapping] = useState<Array<ImportField | null>>([]);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [step, setStep] = useState<Step>('source');
  // A file opened from the system goes straight on to its report once it has been read.
  const [autoPreview, setAutoPreview] = useState(false);

  useEffect(() => {
    api.call('interop.formats', {}).then(setFormats, () => setFormats(null));
  }, []);

  const fail = (err: unknown, picked: PickedFile | null, name: string) => {
    setReading(null);
    setRefusal({ file: picked?.name ?? name, text: errorText(err, picked) });
  };

  const inspect = async (picked: PickedFile, opts: ImportOptionsInput) => {
    setReading(picked.name);
    setRefusal(null);
    setNotice(null);
    try {
      const found = await api.call('interop.inspect', { path: picked.path, options: opts });
      setInspection(found);
      setOptions({
        ...opts,
        encoding: found.encoding,
        separator: found.separator,
        sheet: found.sheet,
        dateOrder: opts.dateOrder ?? found.dateOrder,
      });
      setMapping(found.mapping);
      setReport(null);
      setStep('source');
    } catch (err) {
      setInspection(null);
      fail(err, picked, picked.name);
    } finally {
      setReading(null);
    }
  };

  const start = (picked: PickedFile) => {
    setFile(picked);
    setResult(null);
    setSkipInvalid(false);
    void inspect(picked, { emptyCells: 'keep' });
  };

  // The hash is read on arrival and on every change (a second file while the page is open), then
  // cleared so going back or reloading does not read the file again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: start only sets state; the listener lives as long as the page.
  useEffect(() => {
    const take = () => {
      const handed = fileFromHash(window.location.hash);
      if (!handed) return;
      window.history.replaceState(window.history.state, '', '#/import');
      setStep('source');
      setReport(null);
      setAutoPreview(true);
      start(handed);
    };
    take();
    window.addEventListener('hashchange', take);
    return () => window.removeEventListener('hashchange', take);
  }, []);

  const fullOptions = (): ImportOptionsInput =>
    inspection?.format === 'caseload' || inspection?.format === 'cvr' ? options : { ...options, mapping };

  const preview = async () => {
    if (!file) return;
    setRefusal(null);
    setNotice(null);
    try {
      const r = await job.run('import-preview', (jobId) =>
        api.call('interop.preview', { path: file.path, options: fullOptions() }, { jobId }),
      );
      if (r === CANCELLED) return setNotice(t('import.previewCancelled'));
      setReport(r);
      setSkipInvalid(false);
      setStep('report');
    } catch (err) {
      fail(err, file, file.name);
    }
  };

  const confirm = async () => {
    if (!(file && report)) return;
    setRefusal(null);
    setNotice(null);
    try {
      const r = await job.run('import', (jobId) =>
        api.call(
          'interop.import',
          {
            path: file.path,
            options: fullOptions(),
            fingerprint: report.fingerprint,
            onInvalid: skipInvalid ? 'skip' : 'abort',
          },
          { jobId },
        ),
      );
      if (r === CANCELLED) return setNotice(t('import.cancelled'));
      if (!r.written) {
        setReport(r);
        return setNotice(t('import.notWritten'));
      }
      setResult(r);
      setStep('done');
      caseloadStore.dataChanged();
    } catch (err) {
      fail(err, file, file.name);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once the handed-over file has been read.
  useEffect(() => {
    if (!autoPreview || reading !== null) return;
    if (refusal || !inspection) return setAutoPreview(false);
    setAutoPreview(false);
    // A table needs its columns chosen first; a caseload file has nothing to choose.
    if (inspection.format === 'caseload') void preview();
  }, [autoPreview, inspection, reading, refusal]);

  const busy = job.running || reading !== null;
  const mappingOk = hasKeyField(mapping) && duplicateFields(mapping).size === 0;
  const tabular = inspection !== null && inspection.format !== 'caseload' && inspection.format !== 'cvr';
  // Nothing to write is nothing to confirm (e.g. every row invalid and "skip" ticked).
  const canConfirm =
    report !== null && (report.clean || skipInvalid) && report.totals.add + report.totals.update > 0 && !busy;
  const visible = STEPS.filter((s) => s !== 'mapping' || tabular || !inspection);

  return (
    <section className="page page-import" aria-labelledby="import-title">
      <div className="page-head">
        <h1 id="import-title">{t('import.title')}</h1>
      </div>
      <p className="muted">{t('import.intro')}</p>
      <ol className="interop-steps" aria-label={t('import.steps')}>
        {visible.map((s) => (
          <li key={s} aria-current={s === step && inspection ? 'step' : undefined}>
            {t(`import.step.${s}`)}
          </li>
        ))}
      </ol>

      {step !== 'done' ? (
        <div className="interop-choose">
          <FilePicker
            disabled={busy}
            onPicking={(name) => {
              setReading(name);
              setRefusal(null);
            }}
            onPicked={start}
            onError={(err, name) => fail(err, null, name)}
          />
          {reading ? <p aria-live="polite">{t('import.reading', { file: reading })}</p> : null}
        </div>
      ) : null}

      {refusal ? (
        <div className="banner banner-error" role="alert" data-testid="import-refusal">
          {refusal.file ? <strong>{t('import.refused', { file: refusal.file })}</strong> : null}
          <p>{refusal.text}</p>
        </div>
      ) : null}
      {notice ? (
        <p className="banner" role="status">
          {notice}
        </p>
      ) : null}

      {inspection && file && step !== 'done' ? (
        <>
          {inspection.warnings.map((w) => (
            <p key={w} className="banner">
              {withOriginalName(w, file.path, file.name)}
            </p>
          ))}
          <SourceStep
            inspection={inspection}
            displayName={file.name}
            formats={formats}
            options={options}
            busy={busy}
            onReinspect={(o) => void inspect(file, o)}
            onOptions={(o) => {
              setOptions(o);
              setReport(null);
              // A report made with other options is stale: step back to where it is made again.
              if (step === 'report') setStep(tabular ? 'mapping' : 'source');
            }}
          />
          {tabular && step !== 'source' ? (
            <MappingStep
              inspection={inspection}
              formats={formats}
              mapping={mapping}
              busy={busy}
              onChange={(m) => {
                setMapping(m);
                setReport(null);
                setStep('mapping');
              }}
            />
          ) : null}
          {report && step === 'report' ? (
            <ReportStep
              report={{ ...report, fileName: file.name }}
              displayName={file.name}
              skipInvalid={skipInvalid}
              onSkipInvalid={setSkipInvalid}
            />
          ) : null}
          {job.progress ? (
            <JobProgress
              label={step === 'report' ? t('import.importing') : t('import.checking')}
              progress={job.progress}
              onCancel={job.cancel}
            />
          ) : (
            <div className="interop-actions">
              {step === 'source' && tabular ? (
                <button type="button" className="btn btn-primary" disabled={busy} onClick={() => setStep('mapping')}>
                  {t('import.next.mapping')}
                </button>
              ) : null}
              {(step === 'source' && !tabular) || step === 'mapping' ? (
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={busy || (tabular && !mappingOk)}
                  onClick={() => void preview()}
                >
                  {t('import.next.report')}
                </button>
              ) : null}
              {step === 'report' && report ? (
                <>
                  <button type="button" className="btn" onClick={() => setStep(tabular ? 'mapping' : 'source')}>
                    {t('import.back')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-primary"
                    disabled={!canConfirm}
                    onClick={() => void confirm()}
                  >
                    {report.totals.add + report.totals.update === 1
                      ? t('import.confirmOne')
                      : t('import.confirmCount', { count: formatCount(report.totals.add + report.totals.update) })}
                  </button>
                </>
              ) : null}
            </div>
          )}
        </>
      ) : null}

      {step === 'done' && result ? (
        <ImportDone
          result={result}
          onAnother={() => {
            setStep('source');
            setInspection(null);
            setReport(null);
            setResult(null);
            setFile(null);
          }}
        />
      ) : null}
    </section>
  );
}
