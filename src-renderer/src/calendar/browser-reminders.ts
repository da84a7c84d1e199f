import { formatDateDa } from '../../../src-shared/format/dates';
import { translate } from '../../../src-shared/messages';
import { type ReminderScheduler, reminderNotices, startReminders } from '../../../src-shared/reminders/schedule';
import { api } from '../api';
import { navigate } from '../app/navigation';
import { currentLanguage } from '../i18n/language';

/**
 * Browser mode's reminders: the Web Notification API, once the user has allowed it (Settings asks).
 * The desktop app shows Electron's notifications from its main process instead.
 */
let scheduler: ReminderScheduler | null = null;

export function browserNotificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

const allowed = () => browserNotificationsSupported() && Notification.permission === 'granted';

function show(notice: { tag: string; title: string; body: string; route: string }): void {
  if (!allowed()) return;
  const n = new Notification(notice.title, { body: notice.body, tag: notice.tag });
  n.onclick = () => {
    window.focus();
    navigate(notice.route);
    n.close();
  };
}

export function startBrowserReminders(): void {
  if (scheduler || api.transport === 'electron') return;
  scheduler = startReminders<number>({
    now: () => new Date(),
    setTimer: (run, ms) => window.setTimeout(run, ms),
    clearTimer: (h) => window.clearTimeout(h),
    settings: () => api.call('reminders.settings', {}),
    // Until the user allows notifications there is nothing to show: no query at each start.
    due: async () =>
      !allowed()
        ? []
        : reminderNotices(
            await api.call('reminders.due', {}),
            (key, params) => translate(currentLanguage(), key, params),
            formatDateDa,
          ),
    show,
    failed: (err) => console.warn('reminders', err),
  });
}

/** After Settings saved the reminders' time or turned them on or off. */
export function rescheduleBrowserReminders(): void {
  void scheduler?.reschedule();
}
