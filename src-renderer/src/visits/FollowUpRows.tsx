import { Plus, X } from 'lucide-react';
import type { FollowUp } from '../api/types';
import { TextField } from '../components/Field';
import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';
import { danishDate, type FollowUpRow, newFollowUpRow } from './visit-form-model';

interface Props {
  rows: FollowUpRow[];
  errors: Array<Partial<Record<'title' | 'dueDate', string>>>;
  /** Follow-ups already made from the visit being edited (shown, changed on their own page). */
  existing: readonly FollowUp[];
  onChange(rows: FollowUpRow[]): void;
}

/** One click instead of typing a date: the deadlines consultants promise most often. */
const QUICK = [
  { key: 'visit.followup.week1', from: (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + 7) },
  { key: 'visit.followup.week2', from: (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + 14) },
  { key: 'visit.followup.month1', from: (d: Date) => new Date(d.getFullYear(), d.getMonth() + 1, d.getDate()) },
] as const;

/** Follow-ups promised during the visit, created in the same save. */
export function FollowUpRows({ rows, errors, existing, onChange }: Props) {
  const t = useT();
  const update = (i: number, patch: Partial<FollowUpRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <fieldset className="form-section">
      <legend>{t('visit.section.followups')}</legend>
      {existing.length ? (
        <ul className="visit-existing-followups">
          {existing.map((f) => (
            <li key={f.id}>
              {formatDate(f.dueDate)} · {f.title}
              {f.doneAt ? ` (${t('followups.doneMark')})` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {rows.map((row, i) => (
        <div key={row.key} className="followup-row">
          <TextField
            id={`followup-${i}-title`}
            label={t('visit.followup.title', { n: i + 1 })}
            value={row.title}
            error={errors[i]?.title}
            maxLength={200}
            autoComplete="off"
            onChange={(e) => update(i, { title: e.target.value })}
          />
          <TextField
            id={`followup-${i}-dueDate`}
            label={t('visit.followup.dueDate', { n: i + 1 })}
            value={row.dueDate}
            error={errors[i]?.dueDate}
            placeholder={t('common.datePlaceholder')}
            maxLength={20}
            autoComplete="off"
            className="input input-date"
            onChange={(e) => update(i, { dueDate: e.target.value })}
          />
          <div className="followup-quick">
            {QUICK.map((q) => (
              <button
                key={q.key}
                type="button"
                className="btn btn-small btn-quiet"
                aria-label={t('visit.followup.quick', { when: t(q.key), n: i + 1 })}
                onClick={() => update(i, { dueDate: danishDate(q.from(new Date())) })}
              >
                +{t(q.key)}
              </button>
            ))}
          </div>
          <button
            type="button"
            className="btn btn-small btn-quiet followup-remove"
            aria-label={t('visit.followup.remove', { n: i + 1 })}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            <X size={16} aria-hidden="true" />
          </button>
        </div>
      ))}
      <button
        id="followup-add"
        type="button"
        className="btn btn-small"
        aria-keyshortcuts="Alt+O"
        onClick={() => {
          onChange([...rows, newFollowUpRow()]);
          // The consultant adds a row to type in it: put the cursor there.
          const next = rows.length;
          window.requestAnimationFrame(() => document.getElementById(`followup-${next}-title`)?.focus());
        }}
      >
        <Plus size={14} aria-hidden="true" />
        {t('visit.followup.add')}
      </button>
    </fieldset>
  );
}
