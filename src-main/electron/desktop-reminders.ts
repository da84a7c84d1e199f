import { formatDateDa } from '../../src-shared/format/dates';
import type { Locale } from '../../src-shared/messages';
import {
  type ReminderItem,
  type ReminderScheduler,
  type ReminderSettings,
  reminderNotices,
  startReminders,
} from '../../src-shared/reminders/schedule';
import type { Dispatch } from '../api/dispatcher';
import { message } from '../core/messages';

/** What main.ts gives from Electron's `Notification` (a type shape only, so Node tests pass a fake). */
export interface DesktopNotification {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}

export interface DesktopReminderDeps {
  dispatch: Dispatch;
  locale: () => Locale;
  notify(options: { title: string; body: string }): DesktopNotification;
  /** Brings the window forward and opens the route (e.g. `/companies/4/followups`). */
  openRoute(route: string): void;
  now?: () => Date;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  log?: (err: unknown) => void;
}

async function value<T>(dispatch: Dispatch, method: string, input: unknown): Promise<T> {
  const r = await dispatch(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

/**
 * The desktop app's reminders: the same schedule as browser mode, shown with Electron's
 * Notification from the main process, so they come while the window is minimised too.
 */
export function startDesktopReminders(deps: DesktopReminderDeps): ReminderScheduler {
  // Electron's notifications are garbage-collected (and their clicks lost) unless something holds them.
  const live = new Set<DesktopNotification>();
  return startReminders<unknown>({
    now: deps.now ?? (() => new Date()),
    setTimer: deps.setTimer ?? ((run, ms) => setTimeout(run, ms)),
    clearTimer: deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>)),
    settings: () => value<ReminderSettings>(deps.dispatch, 'reminders.settings', {}),
    due: async () =>
      reminderNotices(
        await value<ReminderItem[]>(deps.dispatch, 'reminders.due', {}),
        (key, params) => message(key, params, deps.locale()),
        formatDateDa,
      ),
    show: (notice) => {
      const n = deps.notify({ title: notice.title, body: notice.body });
      live.add(n);
      n.on('click', () => {
        live.delete(n);
        deps.openRoute(notice.route);
      });
      n.show();
    },
    failed: deps.log ?? ((err) => console.warn('[bindeled] reminders:', err)),
  });
}

/** The window's current address with the route as its fragment: a same-document navigation, no reload. */
export function routeUrl(current: string, route: string): string {
  const url = new URL(current);
  url.hash = `#${route}`;
  return url.toString();
}

/** The window's calls, with a reschedule after Settings saved the reminders (no extra IPC channel needed). */
export function rescheduleOnSettings(dispatch: Dispatch, scheduler: () => ReminderScheduler | null): Dispatch {
  return async (method, input, options) => {
    const result = await dispatch(method, input, options);
    if (result.ok && method === 'reminders.updateSettings') void scheduler()?.reschedule();
    return result;
  };
}
