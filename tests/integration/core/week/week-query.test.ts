import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Company, Consultant, FollowUp, Identity, WeekData } from '../../../../src-main/api/contract';
import { readLetterhead } from '../../../../src-main/core/documents/letterhead';
import { orgId } from '../../../helpers/documents-fixtures';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';
import { daysFromToday, refusedFields, today } from '../../../helpers/visits';

let store: TestStore;
let karen: Consultant;
let bo: Consultant;

beforeEach(async () => {
  store = openTestStore();
  karen = ((await store.call('identity.set', { name: 'Karen Sørensen', role: 'Erhvervskonsulent' })) as Identity)
    .consultant as Consultant;
  bo = (await store.call('consultants.ensure', { name: 'Bo Lund' })) as Consultant;
});
afterEach(() => store.close());

const week = async (input: Record<string, unknown> = {}) => (await store.call('week.get', input)) as WeekData;

async function firm(name: string, consultantId: number, status = 'visited'): Promise<Company> {
  return (await store.call('companies.create', { name, consultantId, status })) as Company;
}

async function followup(companyId: number, title: string, due: number, consultantId = karen.id) {
  return (await store.call('followups.create', {
    companyId,
    title,
    dueDate: daysFromToday(due),
    consultantId,
  })) as FollowUp;
}

/** Backdates what a test cannot write through the API: the day a firm was recorded. */
function recordedDaysAgo(companyId: number, days: number) {
  store.db
    .prepare('UPDATE companies SET created_at = ? WHERE id = ?')
    .run(`${daysFromToday(-days)}T09:00:00Z`, companyId);
}

async function sentReferral(companyId: number, daysAgo: number, consultantId?: number) {
  const r = (await store.call('referrals.create', {
    companyId,
    organisationId: await orgId(store, 'Væksthus Midtjylland'),
    reason: 'Eksportrådgivning',
    consentOn: daysFromToday(-daysAgo),
    consultantId,
  })) as { id: number };
  await store.call('referrals.setStatus', { id: r.id, status: 'sent', date: daysFromToday(-daysAgo) });
  return r.id;
}

async function lag(companyId: number, title: string, deadline: number | null, submittedDaysAgo?: number) {
  const a = (await store.call('lag.create', {
    companyId,
    lagId: await orgId(store, 'LAG Djursland'),
    title,
    deadline: deadline === null ? null : daysFromToday(deadline),
  })) as { id: number };
  if (submittedDaysAgo !== undefined) {
    await store.call('lag.setStatus', { id: a.id, status: 'drafting' });
    await store.call('lag.setStatus', { id: a.id, status: 'submitted', date: daysFromToday(-submittedDaysAgo) });
  }
  return a.id;
}

describe('Who am I', () => {
  it('sets the name and role once: a consultant, the audit author and the letters’ signer', async () => {
    const me = (await store.call('identity.get', {})) as Identity;
    expect(me).toMatchObject({ name: 'Karen Sørensen', role: 'Erhvervskonsulent', actingAs: false });
    expect(me.consultant?.name).toBe('Karen Sørensen');
    const settings = (await store.call('settings.get', {})) as Record<string, string>;
    expect(settings['user.role']).toBe('Erhvervskonsulent');
    expect(readLetterhead(store.db)).toMatchObject({
      signatureName: 'Karen Sørensen',
      signatureTitle: 'Erhvervskonsulent',
    });
    // A letterhead signer of its own is not given my title.
    await store.call('settings.update', { 'letterhead.signatureName': 'Leder Lise' });
    expect(readLetterhead(store.db)).toMatchObject({ signatureName: 'Leder Lise', signatureTitle: '' });
    // A name set in Settings is a consultant at once, so "Mine" means someone.
    await store.call('settings.update', { 'user.name': 'Ny Konsulent' });
    const consultants = (await store.call('reference.consultants', {})) as Consultant[];
    expect(consultants.map((c) => c.name)).toContain('Ny Konsulent');
    expect(((await store.call('identity.get', {})) as Identity).consultant?.name).toBe('Ny Konsulent');
  });

  it('refuses an empty name', async () => {
    expect((await refusedFields(store, 'identity.set', { name: '  ' })).fields).toEqual({ name: 'Skriv dit navn' });
  });
});

describe('Min uge', () => {
  it('lists my overdue and this week’s follow-ups, not a colleague’s, and a colleague’s on request', async () => {
    const a = await firm('Ådalens Gårdbutik', karen.id);
    await followup(a.id, 'Send referat', -3);
    await followup(a.id, 'Langt ude', 40);
    await followup(a.id, 'Bos opgave', -1, bo.id);
    const w = await week();
    expect(w.me?.name).toBe('Karen Sørensen');
    expect(w.consultant?.name).toBe('Karen Sørensen');
    expect(w.followups.rows.map((f) => [f.title, f.state])).toEqual([['Send referat', 'overdue']]);
    expect((await week({ consultantId: bo.id })).followups.rows.map((f) => f.title)).toEqual(['Bos opgave']);
    const everyone = await week({ scope: 'all' });
    expect(everyone.consultant).toBeNull();
    expect(everyone.followups.total).toBe(2);
  });

  it('runs Monday to Sunday around the day it is seen from, which can be given', async () => {
    const w = await week({ on: '03.12.2026' });
    expect([w.on, w.weekStart, w.weekEnd]).toEqual(['2026-12-03', '2026-11-30', '2026-12-06']);
    expect((await refusedFields(store, 'week.get', { on: '31.02.2026' })).fields).toEqual({
      on: 'Datoen skal skrives dd.mm.åååå',
    });
  });

  it('plans a visit to each firm of mine not met yet whose next follow-up is this week', async () => {
    const unmet = await firm('Smedjen i Ry', karen.id, 'contacted');
    const met = await firm('Bageriet', karen.id, 'contacted');
    await store.call('visits.create', { companyId: met.id, date: daysFromToday(-10), type: 'phone' });
    const later = await firm('Senere ApS', karen.id, 'identified');
    await followup(unmet.id, 'Første besøg', 0);
    await followup(met.id, 'Ring', 0);
    await followup(later.id, 'Besøg', 30);
    const w = await week();
    expect(w.visits.rows).toEqual([
      expect.objectContaining({ companyId: unmet.id, companyName: 'Smedjen i Ry', due: today() }),
    ]);
  });

  it('lists my referrals sent more than the threshold ago without an answer, oldest first', async () => {
    const a = await firm('Ådalens Gårdbutik', karen.id);
    const b = await firm('Bos Firma', bo.id);
    const old = await sentReferral(a.id, 20);
    await sentReferral(a.id, 14);
    await sentReferral(b.id, 30);
    const answered = await sentReferral(a.id, 40);
    await store.call('referrals.setStatus', { id: answered, status: 'received', date: daysFromToday(-1) });
    const w = await week();
    expect(w.referrals.rows).toEqual([
      expect.objectContaining({
        id: old,
        organisation: 'Væksthus Midtjylland',
        days: 20,
        companyName: 'Ådalens Gårdbutik',
      }),
    ]);
    await store.call('week.setThresholds', { referralDays: 7 });
    expect((await week()).referrals.total).toBe(2);
  });

  it('lists LAG applications with a deadline within the threshold or waiting for a decision', async () => {
    const a = await firm('Ådalens Gårdbutik', karen.id);
    const soon = await lag(a.id, 'Gårdbutik', 10);
    const passed = await lag(a.id, 'Glemt', -2);
    await lag(a.id, 'Til foråret', 60);
    await lag(a.id, 'Uden frist', null);
    const waiting = await lag(a.id, 'Indsendt', null, 5);
    const w = await week();
    expect(w.lag.rows.map((x) => [x.id, x.reason])).toEqual([
      [passed, 'deadline'],
      [soon, 'deadline'],
      [waiting, 'decision'],
    ]);
    expect(w.thresholds).toEqual({ referralDays: 14, lagDays: 30, quietDays: 90 });
  });

  it('lists my open firms not contacted for the threshold, never-contacted counted from when recorded', async () => {
    const quiet = await firm('Stille Smedje', karen.id, 'contacted');
    await store.call('visits.create', { companyId: quiet.id, date: daysFromToday(-120), type: 'phone' });
    const fresh = await firm('Ny Kunde', karen.id, 'identified');
    const forgotten = await firm('Glemt Kunde', karen.id, 'identified');
    recordedDaysAgo(forgotten.id, 200);
    const closed = (await store.call('companies.create', {
      name: 'Lukket',
      consultantId: karen.id,
      status: 'closed',
      statusReason: 'Ophørt',
    })) as Company;
    recordedDaysAgo(closed.id, 200);
    const w = await week();
    expect(w.quiet.rows.map((q) => q.companyName)).toEqual(['Glemt Kunde', 'Stille Smedje']);
    expect(w.quiet.rows.map((q) => q.companyId)).not.toContain(fresh.id);
    expect(w.quiet.rows[1]?.lastContact).toBe(daysFromToday(-120));
  });

  it('counts every row of a section while returning at most the limit', async () => {
    const a = await firm('Ådalens Gårdbutik', karen.id);
    for (let i = 0; i < 5; i++) await followup(a.id, `Opgave ${i}`, -i);
    const w = await week({ limit: 2 });
    expect(w.followups.rows).toHaveLength(2);
    expect(w.followups.total).toBe(5);
  });

  it('refuses thresholds that are not whole days, storing nothing', async () => {
    const r = await refusedFields(store, 'week.setThresholds', { quietDays: 0, lagDays: 1.5 });
    expect(r.fields).toEqual({
      quietDays: 'Skriv et helt antal dage fra 1 til 3650',
      lagDays: 'Skriv et helt antal dage fra 1 til 3650',
    });
    expect(await store.call('week.thresholds', {})).toEqual({ referralDays: 14, lagDays: 30, quietDays: 90 });
  });
});
