import type { Visit, VisitReference } from '../api/types';
import { AttachmentsDisclosure } from '../attachments/AttachmentsDisclosure';
import { AddToCalendarButton } from '../calendar/AddToCalendarButton';
import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';

interface Props {
  visit: Visit;
  reference: VisitReference | null;
  editHref: string;
  onDelete(): void;
}

/** One visit or contact on the company's timeline. */
export function VisitCard({ visit: v, reference, editHref, onDelete }: Props) {
  const t = useT();
  const typeLabel = reference?.visitTypes.find((x) => x.key === v.type)?.label ?? v.type;
  const needLabel = (key: string) => reference?.needs.find((n) => n.key === key)?.label ?? key;
  const potential = reference?.potentials.find((p) => p.level === v.potential)?.label;
  const when = [
    formatDate(v.date),
    v.startTime,
    v.durationMinutes ? t('visit.minutes', { n: v.durationMinutes }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const text = (label: string, value: string | null) =>
    value ? (
      <div className="visit-text">
        <dt>{label}</dt>
        <dd>{value}</dd>
      </div>
    ) : null;

  return (
    <li className={`visit-card visit-type-${v.type}`} aria-label={`${typeLabel} ${formatDate(v.date)}`}>
      <div className="visit-card-head">
        <span className="visit-type-label">{typeLabel}</span>
        <time dateTime={v.date}>{when}</time>
        {v.consultant ? <span className="muted">{v.consultant}</span> : null}
        <span className="visit-card-actions">
          <AddToCalendarButton kind="visit" id={v.id} title={`${typeLabel} ${formatDate(v.date)}`} quiet />
          <a
            className="btn btn-small btn-quiet"
            href={editHref}
            aria-label={t('visit.editOne', { date: formatDate(v.date) })}
          >
            {t('common.edit')}
          </a>
          <button
            type="button"
            className="btn btn-small btn-quiet"
            aria-label={t('visit.deleteOne', { date: formatDate(v.date) })}
            onClick={onDelete}
          >
            {t('common.delete')}
          </button>
        </span>
      </div>
      {v.participants.length ? (
        <p className="visit-participants">
          {t('visit.with', { names: v.participants.map((p) => p.name).join(', ') })}
          {v.location ? ` · ${v.location}` : ''}
        </p>
      ) : null}
      {v.needs.length ? (
        <ul className="visit-chips" aria-label={t('visit.needs')}>
          {v.needs.map((n) => (
            <li key={n} className="chip">
              {needLabel(n)}
            </li>
          ))}
        </ul>
      ) : null}
      <dl className="visit-texts">
        {text(t('visit.businessDescription'), v.businessDescription)}
        {text(t('visit.needsText'), v.needsText)}
        {text(t('visit.potential'), potential ?? null)}
        {v.adviceGiven ? text(t('visit.adviceGivenShort'), t('common.yes')) : null}
        {text(t('visit.nextSteps'), v.nextSteps)}
        {text(t('visit.notes'), v.notes)}
      </dl>
      {v.followups.length ? (
        <ul className="visit-followups" aria-label={t('visit.section.followups')}>
          {v.followups.map((f) => (
            <li key={f.id} className={`followup-state-${f.state}`}>
              {formatDate(f.effectiveDue)} · {f.title}
              {f.doneAt ? ` (${t('followups.doneMark')})` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      <AttachmentsDisclosure id={`visit-${v.id}-attachments`} target={{ companyId: v.companyId, visitId: v.id }} />
    </li>
  );
}
