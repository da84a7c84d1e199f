import type { CalendarItemKind } from '../api/types';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { addToCalendar } from './calendar-save';

interface Props {
  kind: CalendarItemKind;
  id: number;
  /** What the entry is called, for the button's accessible name and the file's name. */
  title: string;
  /** Quiet beside other quiet actions (the visit card). */
  quiet?: boolean;
}

/** One follow-up, visit or LAG deadline as a calendar entry. */
export function AddToCalendarButton({ kind, id, title, quiet }: Props) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const add = async () => {
    try {
      const written = await addToCalendar(kind, id, {
        saveTitle: t('calendar.saveTitle'),
        fileName: t('calendar.itemFileName', { title }),
      });
      if (written) notify('success', t('calendar.saved', { name: written.fileName }));
    } catch (err) {
      reportError(err);
    }
  };
  return (
    <button
      type="button"
      className={quiet ? 'btn btn-small btn-quiet' : 'btn btn-small'}
      aria-label={t('calendar.addNamed', { title })}
      onClick={() => void add()}
    >
      {t('calendar.add')}
    </button>
  );
}
