import { Plus } from 'lucide-react';
import { tidyMoney } from '../components/form-fields';
import { useT } from '../i18n/I18nProvider';
import { type BudgetRow, emptyRow, type FormErrors } from './lag-form';

interface Props {
  rows: BudgetRow[];
  errors: FormErrors;
  onChange(rows: BudgetRow[]): void;
}

const COLUMNS = ['category', 'description', 'supplier', 'amount', 'quoteRef'] as const;
type Column = (typeof COLUMNS)[number];

/** The budget as an editable table; rows are added and removed one at a time. */
export function BudgetEditor({ rows, errors, onChange }: Props) {
  const t = useT();
  const label = (c: Column) => t(`lag.budget.${c}`);
  const set = (key: number, col: Column, value: string) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, [col]: value } : r)));

  return (
    <div className="budget">
      <table className="budget-table">
        <caption className="visually-hidden">{t('lag.budget.title')}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className={c === 'amount' ? 'numeric' : undefined}>
                {label(c)}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{t('common.delete')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.key}>
              {COLUMNS.map((c) => {
                const err = errors[`row.${r.key}.${c}`];
                return (
                  <td key={c}>
                    <input
                      className={`input${c === 'amount' ? ' numeric' : ''}`}
                      aria-label={t('lag.budget.cell', { column: label(c), row: i + 1 })}
                      aria-invalid={err ? true : undefined}
                      title={err ? t(err as 'validation.required') : undefined}
                      inputMode={c === 'amount' ? 'decimal' : undefined}
                      value={r[c]}
                      onChange={(e) => set(r.key, c, e.target.value)}
                      onBlur={c === 'amount' ? () => tidyMoney(r.amount, (v) => set(r.key, c, v)) : undefined}
                    />
                  </td>
                );
              })}
              <td>
                <button
                  type="button"
                  className="btn btn-small btn-quiet"
                  aria-label={t('lag.budget.remove', { row: i + 1 })}
                  onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn-small" onClick={() => onChange([...rows, emptyRow()])}>
        <Plus size={14} aria-hidden="true" />
        {t('lag.budget.add')}
      </button>
    </div>
  );
}
