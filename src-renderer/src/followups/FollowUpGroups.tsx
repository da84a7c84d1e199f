import type { FollowUp } from '../api/types';
import { useT } from '../i18n/I18nProvider';
import { FollowUpItem } from './FollowUpItem';
import { groupFollowUps } from './followup-groups';
import './followups.css';

interface Props {
  rows: readonly FollowUp[];
  today: string;
  showCompany: boolean;
  onChanged(f: FollowUp): void;
}

/** Follow-ups under "Forfaldne", "I dag", "Denne uge", "Senere" (and those ticked off just now). */
export function FollowUpGroups({ rows, today, showCompany, onChanged }: Props) {
  const t = useT();
  return (
    <div className="followup-groups">
      {groupFollowUps(rows, today).map(({ group, rows: items }) => (
        <section key={group} className={`followup-group group-${group}`} aria-labelledby={`fg-${group}`}>
          <h2 id={`fg-${group}`}>
            {t(`followups.group.${group}`)} <span className="followup-count">{items.length}</span>
          </h2>
          <ul className="followup-list">
            {items.map((f) => (
              <FollowUpItem key={f.id} followup={f} today={today} showCompany={showCompany} onChanged={onChanged} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
