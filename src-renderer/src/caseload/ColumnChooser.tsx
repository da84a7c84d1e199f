import { CASELOAD_COLUMNS, type CaseloadColumn } from '../../../src-shared/codes/companies';
import { Popover } from '../components/Popover';
import { useT } from '../i18n/I18nProvider';
import { DEFAULT_HIDDEN, moveColumn } from './caseload-state';
import { columnSpec } from './columns';

interface Props {
  order: CaseloadColumn[];
  hidden: CaseloadColumn[];
  onChange(order: CaseloadColumn[], hidden: CaseloadColumn[]): void;
}

/** Show or hide columns and move them; the same order the header's drag and drop changes. */
export function ColumnChooser({ order, hidden, onChange }: Props) {
  const t = useT();
  const visibleCount = order.length - hidden.length;
  return (
    <Popover label={t('columns.button')} align="end">
      <p className="popover-title">{t('columns.title')}</p>
      <ol className="column-list">
        {order.map((id, i) => {
          const label = t(columnSpec(id).labelKey);
          const shown = !hidden.includes(id);
          return (
            <li key={id} className="column-item">
              <label className="option">
                <input
                  type="checkbox"
                  checked={shown}
                  // The table needs at least one column to stay usable.
                  disabled={shown && visibleCount === 1}
                  onChange={(e) => onChange(order, e.target.checked ? hidden.filter((h) => h !== id) : [...hidden, id])}
                />
                <span>{label}</span>
              </label>
              <span className="column-moves">
                <button
                  type="button"
                  className="btn btn-icon"
                  aria-label={t('columns.moveLeft', { column: label })}
                  disabled={i === 0}
                  onClick={() => onChange(moveColumn(order, id, i - 1), hidden)}
                >
                  ←
                </button>
                <button
                  type="button"
                  className="btn btn-icon"
                  aria-label={t('columns.moveRight', { column: label })}
                  disabled={i === order.length - 1}
                  onClick={() => onChange(moveColumn(order, id, i + 1), hidden)}
                >
                  →
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <div className="popover-foot">
        <span className="muted">{t('columns.dragHint')}</span>
        <button
          type="button"
          className="btn btn-small btn-quiet"
          onClick={() => onChange([...CASELOAD_COLUMNS], [...DEFAULT_HIDDEN])}
        >
          {t('columns.reset')}
        </button>
      </div>
    </Popover>
  );
}
