import { TEXT_ENCODINGS } from '../../../src-shared/codes/interop';
import { formatFileSize } from '../../../src-shared/format/file-size';
import type { ImportInspection, ImportOptionsInput, InteropFormats, Separator } from '../api/types';
import { SelectField } from '../components/Field';
import { ChoiceOptions, type OptionItem } from '../components/Options';
import { useT } from '../i18n/I18nProvider';
import { formatCount } from '../lib/format';

interface Props {
  inspection: ImportInspection;
  displayName: string;
  formats: InteropFormats | null;
  options: ImportOptionsInput;
  busy: boolean;
  /** A changed encoding, separator or sheet is read again (the columns may change with it). */
  onReinspect(options: ImportOptionsInput): void;
  onOptions(options: ImportOptionsInput): void;
}

const SEPARATORS: Array<{ value: Separator; key: 'semicolon' | 'comma' | 'tab' }> = [
  { value: ';', key: 'semicolon' },
  { value: ',', key: 'comma' },
  { value: '\t', key: 'tab' },
];

/** Step 1: what the file is, as detected, with the choices a consultant may correct. */
export function SourceStep({ inspection, displayName, formats, options, busy, onReinspect, onOptions }: Props) {
  const t = useT();
  const withFiles = inspection.caseload?.files;
  const formatLabel = withFiles
    ? t('format.caseloadZip')
    : (formats?.formats.find((f) => f.id === inspection.format)?.label ?? inspection.format);
  const tabular = inspection.format !== 'caseload' && inspection.format !== 'cvr';
  /** A choice that changes how the file is read: it is read again, and its columns may change with it. */
  const reread = (
    id: string,
    label: string,
    option: 'encoding' | 'separator' | 'sheet',
    value: string,
    choices: readonly OptionItem[],
  ) => (
    <SelectField
      id={id}
      label={label}
      value={value}
      disabled={busy}
      onChange={(e) => onReinspect({ ...options, [option]: e.target.value, mapping: undefined })}
    >
      <ChoiceOptions items={choices} />
    </SelectField>
  );
  return (
    <section className="card interop-step" aria-labelledby="import-source-title">
      <h2 id="import-source-title">{t('import.step.source')}</h2>
      <dl className="interop-facts">
        <dt>{t('import.file')}</dt>
        <dd>
          {displayName} ({t('import.size', { size: formatCount(Math.ceil(inspection.size / 1024)) })})
        </dd>
        <dt>{t('import.format')}</dt>
        <dd data-testid="import-format">{formatLabel}</dd>
      </dl>
      {inspection.caseload ? (
        <p>
          {t('import.caseloadInfo', {
            version: inspection.caseload.version,
            at: inspection.caseload.exportedAt ?? '—',
            by: inspection.caseload.exportedBy ?? '—',
          })}
          {' · '}
          {t('import.caseloadCounts')}:{' '}
          {Object.entries(inspection.caseload.counts)
            .map(([k, n]) => `${formats?.entities.find((e) => e.key === k)?.label ?? k} ${formatCount(n)}`)
            .join(', ')}
          {withFiles ? (
            <>
              {' · '}
              <span data-testid="import-files">
                {t('caseloadZip.filesInfo', {
                  count: formatCount(withFiles.count),
                  size: formatFileSize(withFiles.bytes),
                })}
              </span>
            </>
          ) : null}
        </p>
      ) : null}
      <div className="form-grid">
        {inspection.encoding
          ? reread(
              'import-encoding',
              t('import.encoding'),
              'encoding',
              options.encoding ?? inspection.encoding,
              TEXT_ENCODINGS.map((enc) => ({ value: enc, label: enc.toUpperCase() })),
            )
          : null}
        {inspection.separator
          ? reread(
              'import-separator',
              t('import.separator'),
              'separator',
              options.separator ?? inspection.separator,
              SEPARATORS.map((s) => ({ value: s.value, label: t(`import.separator.${s.key}`) })),
            )
          : null}
        {inspection.sheets && inspection.sheets.length > 1
          ? reread(
              'import-sheet',
              t('import.sheet'),
              'sheet',
              options.sheet ?? inspection.sheet ?? '',
              inspection.sheets.map((s) => ({ value: s, label: s })),
            )
          : null}
        {tabular ? (
          <>
            <SelectField
              id="import-date-order"
              label={t('import.dateOrder')}
              value={options.dateOrder ?? inspection.dateOrder ?? 'dmy'}
              disabled={busy}
              onChange={(e) => onOptions({ ...options, dateOrder: e.target.value as 'dmy' | 'mdy' })}
            >
              <option value="dmy">{t('import.dateOrder.dmy')}</option>
              <option value="mdy">{t('import.dateOrder.mdy')}</option>
            </SelectField>
            <SelectField
              id="import-empty-cells"
              label={t('import.emptyCells')}
              value={options.emptyCells ?? 'keep'}
              disabled={busy}
              onChange={(e) => onOptions({ ...options, emptyCells: e.target.value as 'keep' | 'clear' })}
            >
              <option value="keep">{t('import.emptyCells.keep')}</option>
              <option value="clear">{t('import.emptyCells.clear')}</option>
            </SelectField>
          </>
        ) : null}
        {inspection.format === 'cvr' ? (
          <SelectField
            id="import-take-register"
            label={t('cvrImport.localCorrections')}
            value={options.takeRegister ? 'register' : 'local'}
            disabled={busy}
            onChange={(e) => onOptions({ ...options, takeRegister: e.target.value === 'register' })}
          >
            <option value="local">{t('cvrImport.localCorrections.keep')}</option>
            <option value="register">{t('cvrImport.localCorrections.register')}</option>
          </SelectField>
        ) : null}
      </div>
    </section>
  );
}
