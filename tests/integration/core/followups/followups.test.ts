import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, Consultant, FollowUp } from '../../../../src-main/api/contract';
import type { TestStore } from '../../../helpers/temp-db';
import {
  addVisit,
  daysFromToday,
  firmWithContacts,
  followupsPage,
  openAsKaren,
  refusedFields,
  today,
} from '../../../helpers/visits';

let store: TestStore;
let karen: Consultant;
let bo: Consultant;

beforeEach(async () => {
  ({ store, karen, bo } = await openAsKaren());
});
afterEach(() => store.close());

async function promise(companyId: number, title: string, due: number, consultantId?: number | null) {
  return (await store.call('followups.create', {
    companyId,
    title,
    dueDate: daysFromToday(due),
    consultantId,
  })) as FollowUp;
}

describe('"Mine opfølgninger"', () => {
  it('shows my open follow-ups across the caseload, overdue first, with counts for the badges', async () => {
    const a = await firmWithContacts(store, 'Ådalens Gårdbutik');
    const b = await firmWithContacts(store, 'Smedjen i Ry');
    await promise(a.company.id, 'Send referat', -3);
    await promise(b.company.id, 'Ring til banken', 0);
    await promise(b.company.id, 'Besøg igen', 10);
    await promise(a.company.id, 'Bos opgave', -1, bo.id);
    await promise(a.company.id, 'Ingen ejer endnu', 2, null);

    const mine = await followupsPage(store);
    expect(mine.me?.name).toBe('Karen Sørensen');
    expect(mine.today).toBe(today());
    expect(mine.rows.map((f) => [f.title, f.state, f.companyName])).toEqual([
      ['Send referat', 'overdue', 'Ådalens Gårdbutik'],
      ['Ring til banken', 'due', 'Smedjen i Ry'],
      ['Besøg igen', 'upcoming', 'Smedjen i Ry'],
    ]);
    expect(mine.counts).toEqual({ overdue: 1, dueToday: 1, upcoming: 1 });

    expect((await followupsPage(store, { filter: 'due' })).rows.map((f) => f.title)).toEqual([
      'Send referat',
      'Ring til banken',
    ]);
    expect((await followupsPage(store, { filter: 'overdue' })).rows.map((f) => f.title)).toEqual(['Send referat']);
    expect((await followupsPage(store, { scope: 'all', filter: 'overdue' })).total).toBe(2);
    expect((await followupsPage(store, { consultantId: bo.id })).rows.map((f) => f.title)).toEqual(['Bos opgave']);
    expect((await followupsPage(store, { companyId: b.company.id })).total).toBe(2);
    expect(
      (await followupsPage(store, { scope: 'all', dueBefore: daysFromToday(2) })).rows.map((f) => f.title),
    ).toEqual(['Send referat', 'Bos opgave', 'Ring til banken', 'Ingen ejer endnu']);
  });

  it("shows everyone's when no consultant name is set in settings", async () => {
    await store.call('settings.update', { 'user.name': '' });
    const a = await firmWithContacts(store);
    await promise(a.company.id, 'Karens', 1, karen.id);
    await promise(a.company.id, 'Bos', 1, bo.id);
    const page = await followupsPage(store);
    expect(page.me).toBeNull();
    expect(page.total).toBe(2);
  });

  it('marks done (and undone), and done ones leave the open list', async () => {
    const a = await firmWithContacts(store);
    const f = await promise(a.company.id, 'Send referat', -1);
    const done = (await store.call('followups.complete', { id: f.id })) as FollowUp;
    expect(done.state).toBe('done');
    expect(done.doneAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await followupsPage(store)).total).toBe(0);
    expect((await followupsPage(store, { filter: 'done' })).rows.map((r) => r.title)).toEqual(['Send referat']);
    const reopened = (await store.call('followups.complete', { id: f.id, done: false })) as FollowUp;
    expect([reopened.state, reopened.doneAt]).toEqual(['overdue', null]);
  });

  it('snoozes to a later day, refuses a day in the past, and a new due date ends the snooze', async () => {
    const a = await firmWithContacts(store);
    const f = await promise(a.company.id, 'Ring til banken', -2);
    const snoozed = (await store.call('followups.snooze', { id: f.id, until: daysFromToday(7) })) as FollowUp;
    expect(snoozed).toMatchObject({
      dueDate: daysFromToday(-2),
      snoozedUntil: daysFromToday(7),
      effectiveDue: daysFromToday(7),
      state: 'upcoming',
    });
    expect((await followupsPage(store, { filter: 'overdue' })).total).toBe(0);
    const past = await refusedFields(store, 'followups.snooze', { id: f.id, until: daysFromToday(-1) });
    expect(past.fields).toEqual({ until: 'Udsæt til i dag eller senere' });
    const moved = (await store.call('followups.update', {
      id: f.id,
      changes: { dueDate: daysFromToday(3), title: 'Ring til Sparekassen' },
    })) as FollowUp;
    expect(moved).toMatchObject({ snoozedUntil: null, effectiveDue: daysFromToday(3), title: 'Ring til Sparekassen' });
    const cleared = (await store.call('followups.snooze', { id: f.id, until: null })) as FollowUp;
    expect(cleared.snoozedUntil).toBeNull();
  });

  it('defaults a follow-up from a visit to the visit’s consultant', async () => {
    const a = await firmWithContacts(store);
    const { visit } = await addVisit(store, {
      companyId: a.company.id,
      date: today(),
      consultantId: bo.id,
      followups: [{ title: 'Bos løfte', dueDate: daysFromToday(1) }],
    });
    expect(visit.followups.map((f) => f.consultant)).toEqual(['Bo Lund']);
    expect((await followupsPage(store)).total).toBe(0);
  });

  it('audits create, change, done, snooze and delete with before and after', async () => {
    const a = await firmWithContacts(store);
    const f = await promise(a.company.id, 'Send referat', 1);
    await store.call('followups.update', { id: f.id, changes: { title: 'Send referat og tilbud' } });
    await store.call('followups.snooze', { id: f.id, until: daysFromToday(5) });
    await store.call('followups.complete', { id: f.id });
    await store.call('followups.delete', { id: f.id });
    const history = ((await store.call('companies.history', { id: a.company.id })) as AuditEntry[])
      .filter((h) => h.entity === 'followup')
      .reverse();
    expect(history.map((h) => h.action)).toEqual(['create', 'update', 'update', 'update', 'delete']);
    expect(history[0]?.after).toMatchObject({ title: 'Send referat', due_date: daysFromToday(1) });
    expect([history[1]?.before, history[1]?.after]).toEqual([
      { title: 'Send referat' },
      { title: 'Send referat og tilbud' },
    ]);
    expect(history[2]?.after).toEqual({ snoozed_until: daysFromToday(5) });
    expect(history[3]?.before).toEqual({ done_at: null });
    expect(history[4]?.before).toMatchObject({ title: 'Send referat og tilbud' });
    expect(store.db.prepare('SELECT count(*) AS n FROM followups').get()).toEqual({ n: 0 });
  });

  it('refuses a bad date, an unknown consultant, and a visit of another company', async () => {
    const a = await firmWithContacts(store);
    const b = await firmWithContacts(store, 'Smedjen i Ry');
    const { visit } = await addVisit(store, { companyId: b.company.id, date: today() });
    const r = await refusedFields(store, 'followups.create', {
      companyId: a.company.id,
      visitId: visit.id,
      title: '',
      dueDate: '32.01.2025',
      consultantId: 999,
    });
    expect(r.fields).toEqual({
      visitId: 'Besøget findes ikke',
      title: 'Skriv hvad der skal følges op',
      dueDate: 'Datoen findes ikke',
      consultantId: 'Konsulenten findes ikke',
    });
    const bad = await refusedFields(store, 'followups.list', { dueBefore: 'i morgen' });
    expect(bad.fields).toEqual({ dueBefore: 'Datoen skal skrives dd.mm.åååå' });
  });
});
