import { useT } from '../i18n/I18nProvider';
import { Popover } from './Popover';

export interface Option<T> {
  value: T;
  label: string;
}

interface Props<T extends string | number> {
  label: string;
  options: Option<T>[];
  selected: readonly T[];
  onChange(next: T[]): void;
  onOpen?(): void;
}

/** A filter that keeps rows matching any of the checked values; nothing checked means all. */
export function MultiSelect<T extends string | number>({ label, options, selected, onChange, onOpen }: Props<T>) {
  const t = useT();
  const first = options.find((o) => o.value === selected[0]);
  const summary =
    selected.length === 0
      ? t('filter.all')
      : selected.length === 1 && first
        ? first.label
        : t('filter.selected', { count: selected.length });

  const toggle = (value: T, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value));

  return (
    <Popover label={label} summary={summary} active={selected.length > 0} onOpen={onOpen}>
      <div className="option-list">
        {options.map((o) => (
          <label key={String(o.value)} className="option">
            <input
              type="checkbox"
              checked={selected.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {selected.length > 0 ? (
        <div className="popover-foot">
          <button type="button" className="btn btn-small btn-quiet" onClick={() => onChange([])}>
            {t('common.clear')}
          </button>
        </div>
      ) : null}
    </Popover>
  );
}
