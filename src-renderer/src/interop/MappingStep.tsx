import type { ImportField, ImportInspection, InteropFormats } from '../api/types';
import { ChoiceOptions } from '../components/Options';
import { ColumnTable } from '../components/table-columns';
import { useT } from '../i18n/I18nProvider';
import { duplicateFields, hasKeyField } from './wizard-model';

interface Props {
  inspection: ImportInspection;
  formats: InteropFormats | null;
  mapping: Array<ImportField | null>;
  busy: boolean;
  onChange(mapping: Array<ImportField | null>): void;
}

const SAMPLES = 3;

/** Step 2: each column of the file → a field, pre-filled with the remembered or guessed choice. */
export function MappingStep({ inspection, formats, mapping, busy, onChange }: Props) {
  const t = useT();
  const twice = duplicateFields(mapping);
  const fields = formats?.fields ?? [];
  return (
    <section className="card interop-step" aria-labelledby="import-mapping-title">
      <h2 id="import-mapping-title">{t('import.step.mapping')}</h2>
      <p>{t('import.mapping.intro')}</p>
      <p className="muted" data-testid="mapping-source">
        {t(`import.mapping.${inspection.mappingSource}`)}
      </p>
      {hasKeyField(mapping) ? null : (
        <p className="banner banner-error" role="alert">
          {t('import.mapping.noKey')}
        </p>
      )}
      <ColumnTable
        className="interop-table"
        rows={inspection.headers}
        // Columns are positional; two may share a header.
        rowKey={(_, i) => i}
        columns={[
          {
            key: 'column',
            header: t('import.mapping.column'),
            rowHeader: true,
            cell: (header, i) => header || `#${i + 1}`,
          },
          {
            key: 'sample',
            header: t('import.mapping.sample'),
            cellClass: 'muted',
            cell: (_, i) =>
              inspection.sample
                .slice(0, SAMPLES)
                .map((row) => row[i] ?? '')
                .filter((v) => v !== '')
                .join(' · '),
          },
          {
            key: 'field',
            header: t('import.mapping.field'),
            cell: (header, i) => {
              const field = mapping[i] ?? null;
              const clash = field !== null && twice.has(field);
              return (
                <>
                  <select
                    className="input"
                    aria-label={t('import.mapping.fieldFor', { column: header || `#${i + 1}` })}
                    aria-invalid={clash || undefined}
                    value={field ?? ''}
                    disabled={busy}
                    onChange={(e) => {
                      const next = [...mapping];
                      next[i] = e.target.value === '' ? null : (e.target.value as ImportField);
                      onChange(next);
                    }}
                  >
                    <option value="">{t('import.mapping.ignore')}</option>
                    <ChoiceOptions items={fields.map((f) => ({ value: f.field, label: f.label }))} />
                  </select>
                  {clash ? <span className="field-error">{t('import.mapping.twice')}</span> : null}
                </>
              );
            },
          },
        ]}
      />
    </section>
  );
}
