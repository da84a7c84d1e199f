import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Consultant, ReminderItem, ReminderSettings, SettingNotice } from '../../../../src-main/api/contract';
import { orgId } from '../../../helpers/documents-fixtures';
import type { TestStore } from '../../../helpers/temp-db';
import { daysFromToday, firmWithContacts, openAsKaren, refusedFields, today } from '../../../helpers/visits';

let store: TestStore;
let karen: Consultant;
let bo: Consultant;

beforeEach(async () => {
  ({ store, karen, bo } = await openAsKaren());
});
afterEach(() => store.close());

describe('reminders', () => {
  it('find my follow-ups due today and LAG deadlines within a week, nothing else', async () => {
    const { company } = await firmWithContacts(store, 'Smedjen i Ry');
    const follow = async (title: string, due: number, consultantId: number) =>
      store.call('followups.create', { companyId: company.id, title, dueDate: daysFromToday(due), consultantId });
    await follow('I dag', 0, karen.id);
    await follow('I går', -1, karen.id);
    await follow('I morgen', 1, karen.id);
    await follow('Bos', 0, bo.id);
    const lagId = await orgId(store, 'LAG Djursland');
    for (const [title, days] of [
      ['Om fem dage', 5],
      ['Om ti dage', 10],
    ] as const)
      await store.call('lag.create', {
        companyId: company.id,
        lagId,
        title,
        consultantId: karen.id,
        deadline: daysFromToday(days),
      });

    const due = (await store.call('reminders.due', {})) as ReminderItem[];
    expect(due).toEqual([
      {
        kind: 'followup',
        id: expect.any(Number),
        companyId: company.id,
        company: 'Smedjen i Ry',
        title: 'I dag',
        date: today(),
      },
      {
        kind: 'lag',
        id: expect.any(Number),
        companyId: company.id,
        company: 'Smedjen i Ry',
        title: 'Om fem dage',
        date: daysFromToday(5),
      },
    ]);
    const everyone = (await store.call('reminders.due', { consultant: 'all' })) as ReminderItem[];
    expect(everyone.map((r) => r.title)).toEqual(['I dag', 'Bos', 'Om fem dage']);
  });

  it('are on at 08:00 unless changed, and the time is checked', async () => {
    expect(await store.call('reminders.settings')).toEqual({ enabled: true, time: '08:00' });
    const saved = (await store.call('reminders.updateSettings', { enabled: false, time: '7.30' })) as ReminderSettings;
    expect(saved).toEqual({ enabled: false, time: '07:30' });
    const refused = await refusedFields(store, 'reminders.updateSettings', { time: '25:00' });
    expect(refused.fields).toEqual({ time: 'Skriv tidspunktet som tt:mm, fx 08:30' });
    expect(await store.call('reminders.settings')).toEqual({ enabled: false, time: '07:30' });
  });

  it('fall back to on at 08:00 when the stored settings were edited by hand into nonsense, and say so', async () => {
    store.db
      .prepare(
        "INSERT INTO settings(key, value) VALUES ('reminders.enabled', '\"ja\"'), ('reminders.time', '\"morgen\"')",
      )
      .run();
    expect(await store.call('reminders.settings')).toEqual({ enabled: true, time: '08:00' });
    const notices = (await store.call('settings.problems')) as SettingNotice[];
    expect(notices.map((n) => n.key).sort()).toEqual(['reminders.enabled', 'reminders.time']);
    expect(notices.find((n) => n.key === 'reminders.time')?.message).toContain('kl. 08:00');
  });
});
