/**
 * Reminders: which notices to show and when. Pure, so the browser page and the desktop shell
 * (Electron's Notification) run the same rules and Node tests them with a fake clock.
 */

/** What the core finds due: follow-ups due today and LAG deadlines within a week. */
export interface ReminderItem {
  kind: 'followup' | 'lag';
  id: number;
  companyId: number;
  company: string;
  title: string;
  /** ISO date: the follow-up's due day or the LAG deadline. */
  date: string;
}

export interface ReminderSettings {
  enabled: boolean;
  /** `HH:MM`, local time. */
  time: string;
}

export const REMINDER_DEFAULTS: ReminderSettings = { enabled: true, time: '08:00' };

/** One notification: `tag` keeps a reminder shown twice in a day from stacking up; `route` opens its item. */
export interface ReminderNotice {
  tag: string;
  title: string;
  body: string;
  route: string;
}

/** The page that shows the item: the firm's follow-ups, or its referrals and LAG applications. */
export function reminderRoute(item: Pick<ReminderItem, 'kind' | 'companyId'>): string {
  return `/companies/${item.companyId}/${item.kind === 'followup' ? 'followups' : 'referrals'}`;
}

export type ReminderText = (
  key: 'reminders.followup.title' | 'reminders.lag.title',
  params: Record<string, string>,
) => string;

export function reminderNotices(
  items: readonly ReminderItem[],
  text: ReminderText,
  formatDate: (iso: string) => string,
): ReminderNotice[] {
  return items.map((item) => ({
    tag: `bindeled-${item.kind}-${item.id}-${item.date}`,
    title:
      item.kind === 'followup'
        ? text('reminders.followup.title', { title: item.title })
        : text('reminders.lag.title', { title: item.title, date: formatDate(item.date) }),
    body: item.company,
    route: reminderRoute(item),
  }));
}

/** The next moment the daily reminder is due after `now`: today at `time`, or tomorrow if that has passed. */
export function nextReminderAt(now: Date, time: string): Date {
  const [h = 8, m = 0] = time.split(':').map(Number);
  const at = new Date(now.getFullYear(), now.getMonth(), now.getDate(), h, m, 0, 0);
  if (at.getTime() <= now.getTime()) at.setDate(at.getDate() + 1);
  return at;
}

export interface ReminderDeps<Handle> {
  now(): Date;
  setTimer(run: () => void, ms: number): Handle;
  clearTimer(handle: Handle): void;
  settings(): Promise<ReminderSettings>;
  due(): Promise<ReminderNotice[]>;
  show(notice: ReminderNotice): void;
  /** A failed look-up must not stop the next day's reminder; the shell logs it. */
  failed(err: unknown): void;
}

export interface ReminderScheduler {
  /** Reads the settings again (after Settings saved them) and plans the next daily reminder. */
  reschedule(): Promise<void>;
  stop(): void;
  /** Resolves when the reminders started or fired last have been shown and the next one planned. */
  idle(): Promise<void>;
}

/**
 * Shows the due reminders once at start, then every day at the chosen time. Turned off in
 * Settings, nothing is shown and nothing is planned until `reschedule`.
 */
export function startReminders<Handle>(deps: ReminderDeps<Handle>): ReminderScheduler {
  let timer: Handle | null = null;
  let stopped = false;
  let working: Promise<unknown> = Promise.resolve();

  const showDue = async () => {
    try {
      for (const n of await deps.due()) deps.show(n);
    } catch (err) {
      deps.failed(err);
    }
  };
  const readSettings = async (): Promise<ReminderSettings | null> => {
    try {
      return await deps.settings();
    } catch (err) {
      deps.failed(err);
      return null;
    }
  };
  /** Plans the next daily reminder from settings already read. */
  const planFrom = (s: ReminderSettings | null) => {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
    if (stopped || !s?.enabled) return;
    const planned = s.time;
    const now = deps.now();
    timer = deps.setTimer(() => {
      timer = null;
      working = fire(planned);
    }, nextReminderAt(now, planned).getTime() - now.getTime());
  };
  const plan = async (): Promise<ReminderSettings | null> => {
    const s = await readSettings();
    planFrom(s);
    return s;
  };
  // Settings are read again when the time comes: turned off or moved since, nothing is shown now.
  const fire = async (planned: string) => {
    const s = await readSettings();
    if (s?.enabled && s.time === planned && !stopped) await showDue();
    planFrom(s);
  };

  working = plan().then((s) => {
    if (s?.enabled && !stopped) return showDue();
  });
  return {
    reschedule: async () => {
      await plan();
    },
    stop: () => {
      stopped = true;
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
    },
    idle: async () => {
      await working;
    },
  };
}
