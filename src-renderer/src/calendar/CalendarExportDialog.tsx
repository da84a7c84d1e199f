import { useState } from 'react';
import { formatDateDa, parseDate, todayIso } from '../../../src-shared/format/dates';
import { SelectField } from '../components/Field';
import { FormDialog } from '../components/FormDialog';
import { useFormSave, useFormValues } from '../components/form-binding';
import { Choice } from '../components/form-choice';
import { DateField } from '../components/form-fields';
import { NamedOptions } from '../components/Options';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { useConsultants } from '../lib/use-reference';
import { exportCalendar } from './calendar-save';
import './calendar.css';

interface Props {
  /** 'mine', 'all' or a consultant's id, as chosen on the page that opened the dialog. */
  who: string;
  onClose(): void;
}

/** Three months ahead: what a consultant plans with; the CLI defaults to a year. */
function inMonths(months: number): string {
  const d = new Date();
  d.setMonth(d.getMonth() + months);
  return formatDateDa(todayIso(d));
}

/** A period's follow-ups, planned visits and LAG deadlines as one .ics file. */
export function CalendarExportDialog({ who, onClose }: Props) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const consultants = useConsultants(reportError);
  const form = useFormValues({ consultant: who, from: formatDateDa(todayIso()), to: inMonths(3), notes: false });
  const { consultant, from, to, notes } = form.values;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, save } = useFormSave(setErrors);

  const submit = () => {
    setErrors({});
    return save(async () => {
      const written = await exportCalendar(
        {
          consultant: consultant === 'mine' ? undefined : consultant === 'all' ? 'all' : Number(consultant),
          from,
          to,
          notes,
        },
        {
          saveTitle: t('calendar.saveTitle'),
          fileName: t('calendar.fileName', { from: parseDate(from) ?? from, to: parseDate(to) ?? to }),
        },
      );
      if (written) {
        notify('success', t('calendar.export.done', { name: written.fileName, count: written.events }));
        onClose();
      }
    });
  };

  return (
    <FormDialog
      title={t('calendar.export.title')}
      busy={busy}
      keepLabel
      submitLabel={t('calendar.export.save')}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <p className="calendar-note">{t('calendar.export.intro')}</p>
      <div className="form-grid">
        <SelectField
          id="calendar-consultant"
          label={t('calendar.export.consultant')}
          {...form.bind('consultant')}
          error={errors.consultant}
        >
          <option value="mine">{t('followups.mine')}</option>
          <option value="all">{t('calendar.export.everyone')}</option>
          <NamedOptions items={consultants.filter((c) => c.active)} />
        </SelectField>
        {(['from', 'to'] as const).map((key) => (
          <DateField
            key={key}
            id={`calendar-${key}`}
            label={t(`calendar.export.${key}`)}
            {...form.bind(key)}
            inputMode="numeric"
            error={errors[key]}
          />
        ))}
        <Choice className="field field-check field-wide" checked={notes} onChange={(on) => form.set('notes', on)}>
          {t('calendar.export.notes')}
        </Choice>
        <p className="calendar-note-small field-wide">{t('calendar.export.notesHint')}</p>
      </div>
    </FormDialog>
  );
}
