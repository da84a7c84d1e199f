import { useState } from 'react';
import { formatDateDa, parseDate, todayIso } from '../../../src-shared/format/dates';
import { SelectField, TextField } from '../components/Field';
import { FormDialog, fieldErrorsOf } from '../components/FormDialog';
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
  const [consultant, setConsultant] = useState(who);
  const [from, setFrom] = useState(formatDateDa(todayIso()));
  const [to, setTo] = useState(inMonths(3));
  const [notes, setNotes] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setErrors({});
    setBusy(true);
    try {
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
    } catch (err) {
      const refused = fieldErrorsOf(err);
      if (refused) setErrors(refused);
      else reportError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title={t('calendar.export.title')}
      busy={busy}
      keepLabel
      submitLabel={t('calendar.export.save')}
      onClose={onClose}
      onSubmit={() => void save()}
    >
      <p className="calendar-note">{t('calendar.export.intro')}</p>
      <div className="form-grid">
        <SelectField
          id="calendar-consultant"
          label={t('calendar.export.consultant')}
          value={consultant}
          error={errors.consultant}
          onChange={(e) => setConsultant(e.target.value)}
        >
          <option value="mine">{t('followups.mine')}</option>
          <option value="all">{t('calendar.export.everyone')}</option>
          {consultants
            .filter((c) => c.active)
            .map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.name}
              </option>
            ))}
        </SelectField>
        <TextField
          id="calendar-from"
          label={t('calendar.export.from')}
          value={from}
          inputMode="numeric"
          placeholder={t('common.datePlaceholder')}
          error={errors.from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <TextField
          id="calendar-to"
          label={t('calendar.export.to')}
          value={to}
          inputMode="numeric"
          placeholder={t('common.datePlaceholder')}
          error={errors.to}
          onChange={(e) => setTo(e.target.value)}
        />
        <label className="field field-check field-wide">
          <input type="checkbox" checked={notes} onChange={(e) => setNotes(e.target.checked)} />
          {t('calendar.export.notes')}
        </label>
        <p className="calendar-note-small field-wide">{t('calendar.export.notesHint')}</p>
      </div>
    </FormDialog>
  );
}
