import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../src-main/api/dispatcher';
import {
  type DesktopNotification,
  rescheduleOnSettings,
  routeUrl,
  startDesktopReminders,
} from '../../../src-main/electron/desktop-reminders';

/** The API as the main process sees it, answering the two reminder calls. */
function fakeDispatch(calls: string[]): Dispatch {
  return async (method) => {
    calls.push(String(method));
    if (method === 'reminders.settings') return { ok: true, value: { enabled: true, time: '08:00' } };
    if (method === 'reminders.due')
      return {
        ok: true,
        value: [
          {
            kind: 'followup',
            id: 3,
            companyId: 7,
            company: 'Smedjen i Ry',
            title: 'Ring til Mette',
            date: '2026-12-07',
          },
          { kind: 'lag', id: 1, companyId: 8, company: 'Mosteriet', title: 'Presseri', date: '2026-12-11' },
        ],
      };
    return { ok: true, value: null };
  };
}

class FakeNotification implements DesktopNotification {
  shown = false;
  private click: (() => void) | null = null;
  constructor(readonly options: { title: string; body: string }) {}
  on(_event: 'click', listener: () => void) {
    this.click = listener;
  }
  show() {
    this.shown = true;
  }
  clickIt() {
    this.click?.();
  }
}

describe("the desktop app's reminders", () => {
  it("show Electron notifications in the user's language at start, each opening its item", async () => {
    const calls: string[] = [];
    const made: FakeNotification[] = [];
    const opened: string[] = [];
    const timers: number[] = [];
    const scheduler = startDesktopReminders({
      dispatch: fakeDispatch(calls),
      locale: () => 'da',
      notify: (o) => {
        const n = new FakeNotification(o);
        made.push(n);
        return n;
      },
      openRoute: (r) => opened.push(r),
      now: () => new Date(2026, 11, 7, 7, 0),
      setTimer: (_run, ms) => timers.push(ms),
      clearTimer: () => {},
    });
    await scheduler.idle();
    expect(made.map((n) => [n.options.title, n.options.body, n.shown])).toEqual([
      ['Opfølgning i dag: Ring til Mette', 'Smedjen i Ry', true],
      ['LAG-frist 11.12.2026: Presseri', 'Mosteriet', true],
    ]);
    expect(timers).toEqual([60 * 60 * 1000]);
    made[1]?.clickIt();
    expect(opened).toEqual(['/companies/8/referrals']);
    scheduler.stop();
  });

  it('plan again when the window saves the reminder settings', async () => {
    const calls: string[] = [];
    let rescheduled = 0;
    const dispatch = rescheduleOnSettings(fakeDispatch(calls), () => ({
      reschedule: async () => {
        rescheduled++;
      },
      stop: () => {},
      idle: async () => {},
    }));
    await dispatch('reminders.settings', {});
    expect(rescheduled).toBe(0);
    await dispatch('reminders.updateSettings', { time: '09:00' });
    expect(rescheduled).toBe(1);
  });

  it("open a route as a fragment of the window's own address", () => {
    expect(routeUrl('app://bindeled/index.html#/companies', '/companies/4/followups')).toBe(
      'app://bindeled/index.html#/companies/4/followups',
    );
  });
});
