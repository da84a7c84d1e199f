import { useT } from '../i18n/I18nProvider';
import { formatCount } from '../lib/format';
import type { JobState } from './use-job';

interface Props {
  label: string;
  progress: JobState;
  onCancel(): void;
}

/** A progress bar with what the job is doing and a Cancel button; generic for any job. */
export function JobProgress({ label, progress, onCancel }: Props) {
  const t = useT();
  const { done, total } = progress;
  const pct = total ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="job-progress">
      <progress max={total || 1} value={total ? done : undefined} aria-label={label} />
      <p aria-live="polite">
        {progress.message ? `${progress.message}: ` : ''}
        {total
          ? t('interop.job.progress', { done: formatCount(done), total: formatCount(total), pct })
          : t('interop.job.starting')}
      </p>
      <button type="button" className="btn" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
