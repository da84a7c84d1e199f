import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry, CaseloadPage, Visit, VisitSaved } from '../../../../src-main/api/contract';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';
import {
  addVisit,
  count,
  daysFromToday,
  firmWithContacts,
  getCompany,
  refusedFields,
  today,
  visitsOf,
} from '../../../helpers/visits';

let store: TestStore;
beforeEach(async () => {
  store = openTestStore();
  await store.call('settings.update', { 'user.name': 'Karen Sørensen' });
  await store.call('consultants.ensure', { name: 'Karen Sørensen' });
});
afterEach(() => store.close());

describe('recording a visit', () => {
  it('stores the whole form with needs, participants and two follow-ups in one go', async () => {
    const { company, owner, partner } = await firmWithContacts(store);
    const saved = await addVisit(store, {
      companyId: company.id,
      date: today(),
      startTime: '9.30',
      endTime: '11:00',
      type: 'visit',
      participantIds: [owner.id, partner.id],
      location: 'Gårdbutikken',
      businessDescription: 'Gårdbutik med egne æbler og most; omsætningen vokser.',
      needs: ['financing', 'sales_marketing', 'financing'],
      needsText: 'Kølerum til 300.000 kr.',
      potential: 4,
      adviceGiven: true,
      nextSteps: 'Henvise til Erhvervshus Midtjylland',
      notes: 'Mette vil udvide med webshop.',
      followups: [
        { title: 'Send henvisning', dueDate: daysFromToday(7) },
        { title: 'Ring om kølerummet', dueDate: daysFromToday(14), description: 'Tilbud fra to leverandører' },
      ],
    });
    expect(saved.visit).toMatchObject({
      companyId: company.id,
      date: today(),
      startTime: '09:30',
      endTime: '11:00',
      durationMinutes: 90,
      type: 'visit',
      consultant: 'Karen Sørensen',
      location: 'Gårdbutikken',
      needs: ['financing', 'sales_marketing'],
      potential: 4,
      adviceGiven: true,
    });
    expect(saved.visit.participants.map((p) => p.name)).toEqual(['Mette Jensen', 'Søren Ærbø']);
    expect(saved.visit.followups.map((f) => [f.title, f.state, f.consultant])).toEqual([
      ['Send henvisning', 'upcoming', 'Karen Sørensen'],
      ['Ring om kølerummet', 'upcoming', 'Karen Sørensen'],
    ]);
    expect(saved.company).toEqual({
      id: company.id,
      status: 'in_progress',
      previousStatus: 'identified',
      lastContact: today(),
    });
    expect(await store.call('visits.get', { id: saved.visit.id })).toEqual(saved.visit);
  });

  it('lists a company’s visits newest first, a page at a time', async () => {
    const { company } = await firmWithContacts(store);
    for (const [date, startTime, notes] of [
      [daysFromToday(-30), null, 'først'],
      [daysFromToday(-1), '08:00', 'morgen'],
      [daysFromToday(-1), '14:00', 'eftermiddag'],
      [today(), null, 'i dag'],
    ] as const)
      await addVisit(store, { companyId: company.id, date, startTime, notes, type: 'phone' });
    expect((await visitsOf(store, company.id)).map((v) => v.notes)).toEqual([
      'i dag',
      'eftermiddag',
      'morgen',
      'først',
    ]);
    const page = (await store.call('visits.list', { companyId: company.id, offset: 1, limit: 2 })) as {
      rows: Visit[];
      total: number;
    };
    expect(page.total).toBe(4);
    expect(page.rows.map((v) => v.notes)).toEqual(['eftermiddag', 'morgen']);
  });

  it('edits only the fields sent, replaces needs and participants, and refuses a stale form', async () => {
    const { company, owner, partner } = await firmWithContacts(store);
    const { visit } = await addVisit(store, {
      companyId: company.id,
      date: today(),
      startTime: '10:00',
      durationMinutes: 30,
      needs: ['export'],
      participantIds: [owner.id],
      notes: 'første udgave',
    });
    const updated = (await store.call('visits.update', {
      id: visit.id,
      changes: { endTime: '11:15', needs: ['networks', 'competences'], participantIds: [partner.id] },
      expectedUpdatedAt: visit.updatedAt,
    })) as VisitSaved;
    expect(updated.visit).toMatchObject({
      notes: 'første udgave',
      startTime: '10:00',
      durationMinutes: 75,
      needs: ['networks', 'competences'],
      participants: [{ id: partner.id, name: 'Søren Ærbø', role: 'Medejer' }],
    });
    store.db.prepare('UPDATE visits SET updated_at = ? WHERE id = ?').run('2000-01-01T00:00:00Z', visit.id);
    const stale = await refusedFields(store, 'visits.update', {
      id: visit.id,
      changes: { notes: 'overskriver' },
      expectedUpdatedAt: updated.visit.updatedAt,
    });
    expect(stale.code).toBe('conflict');
    expect(stale.message).toContain('ændret et andet sted');
    expect(((await store.call('visits.get', { id: visit.id })) as Visit).notes).toBe('første udgave');
  });

  it('adds the new follow-ups of an edit in the same call, and the case moves on as with followups.create', async () => {
    const { company } = await firmWithContacts(store);
    const { visit } = await addVisit(store, { companyId: company.id, date: today(), type: 'phone' });
    const saved = (await store.call('visits.update', {
      id: visit.id,
      changes: { notes: 'ringede igen' },
      expectedUpdatedAt: visit.updatedAt,
      followups: [
        { title: 'Send tilbud', dueDate: daysFromToday(3), consultantId: null },
        { title: 'Ring om lånet', dueDate: daysFromToday(10) },
      ],
    })) as VisitSaved;
    expect(saved.visit.notes).toBe('ringede igen');
    expect(saved.visit.followups.map((f) => [f.title, f.consultant])).toEqual([
      ['Send tilbud', null],
      ['Ring om lånet', 'Karen Sørensen'],
    ]);
    expect(saved.company).toMatchObject({ previousStatus: 'contacted', status: 'in_progress' });
    const history = (await store.call('companies.history', { id: company.id })) as AuditEntry[];
    expect(history.filter((h) => h.entity === 'company' && h.action === 'update').map((h) => h.reason)).toEqual([
      'Automatisk: opfølgning oprettet',
      'Automatisk: kontakt registreret',
    ]);
  });

  it('deletes a visit but keeps the follow-ups promised in it', async () => {
    const { company } = await firmWithContacts(store);
    const { visit } = await addVisit(store, {
      companyId: company.id,
      date: today(),
      notes: 'fejlregistreret',
      followups: [{ title: 'Ring tilbage', dueDate: daysFromToday(3) }],
    });
    await store.call('visits.delete', { id: visit.id });
    expect(await visitsOf(store, company.id)).toEqual([]);
    const followups = store.db.prepare('SELECT title, visit_id FROM followups').all();
    expect(followups).toEqual([{ title: 'Ring tilbage', visit_id: null }]);
    expect((await getCompany(store, company.id)).status).toBe('in_progress');
  });
});

describe('bad input is refused with a message on the field, and nothing is saved', () => {
  async function expectNothingSaved() {
    expect(count(store, 'visits')).toBe(0);
    expect(count(store, 'followups')).toBe(0);
    expect(count(store, 'visit_needs')).toBe(0);
  }

  it('a date after today, an end before the start, a negative duration', async () => {
    const { company } = await firmWithContacts(store);
    const r = await refusedFields(store, 'visits.create', {
      companyId: company.id,
      date: daysFromToday(1),
      startTime: '14:00',
      endTime: '13:00',
      needs: ['export'],
    });
    expect(r.fields).toEqual({
      date: 'Datoen må ikke ligge efter i dag',
      endTime: 'Sluttidspunktet ligger før starttidspunktet',
    });
    const negative = await refusedFields(store, 'visits.create', {
      companyId: company.id,
      date: today(),
      durationMinutes: -15,
    });
    expect(negative.fields).toEqual({ durationMinutes: 'Varigheden skal være et helt antal minutter fra 0 til 1440' });
    const badFormats = await refusedFields(store, 'visits.create', {
      companyId: company.id,
      date: '31.02.2024',
      startTime: '25:00',
    });
    expect(badFormats.fields).toEqual({
      date: 'Datoen findes ikke',
      startTime: 'Tidspunktet skal skrives tt:mm, fx 10:30',
    });
    await expectNothingSaved();
  });

  it('a follow-up without a due date, among good ones', async () => {
    const { company } = await firmWithContacts(store);
    const r = await refusedFields(store, 'visits.create', {
      companyId: company.id,
      date: today(),
      notes: 'godt besøg',
      followups: [
        { title: 'Send materiale', dueDate: daysFromToday(2) },
        { title: 'Ring igen', dueDate: '' },
        { title: 'Uden dato-felt' },
      ],
    });
    expect(r.fields).toEqual({
      'followups.1.dueDate': 'Opfølgningen skal have en frist',
      'followups.2.dueDate': 'Opfølgningen skal have en frist',
    });
    const alone = await refusedFields(store, 'followups.create', { companyId: company.id, title: 'x', dueDate: ' ' });
    expect(alone.fields).toEqual({ dueDate: 'Opfølgningen skal have en frist' });
    await expectNothingSaved();
    expect((await getCompany(store, company.id)).status).toBe('identified');
  });

  it('a participant from another company, an unknown company or consultant', async () => {
    const { company, owner } = await firmWithContacts(store);
    const other = await firmWithContacts(store, 'Smedjen i Ry');
    const r = await refusedFields(store, 'visits.create', {
      companyId: company.id,
      date: today(),
      participantIds: [owner.id, other.partner.id, 9999],
      consultantId: 777,
    });
    expect(r.fields).toEqual({
      'participantIds.1': 'Søren Ærbø er kontaktperson hos en anden virksomhed',
      'participantIds.2': 'Kontaktpersonen findes ikke',
      consultantId: 'Konsulenten findes ikke',
    });
    const unknown = await refusedFields(store, 'visits.create', { companyId: 4242, date: today() });
    expect(unknown.fields).toEqual({ companyId: 'Virksomheden findes ikke' });
    await expectNothingSaved();
    // The database refuses a cross-company participant from any writer, not only the form.
    const { visit } = await addVisit(store, { companyId: company.id, date: today() });
    expect(() =>
      store.db
        .prepare('INSERT INTO visit_participants(visit_id, contact_id) VALUES (?, ?)')
        .run(visit.id, other.owner.id),
    ).toThrow(/participant_other_company/);
  });

  it('an edit whose new follow-up is refused changes nothing: not the visit, its follow-ups or the draft', async () => {
    const { company } = await firmWithContacts(store);
    const { visit } = await addVisit(store, { companyId: company.id, date: today(), notes: 'før', type: 'phone' });
    const key = `visit:${visit.id}`;
    await store.call('drafts.save', { key, payload: { notes: 'efter' } });
    const audit = count(store, 'audit_log');
    const r = await refusedFields(store, 'visits.update', {
      id: visit.id,
      changes: { notes: 'efter', needs: ['export'] },
      expectedUpdatedAt: visit.updatedAt,
      draftKey: key,
      followups: [
        { title: 'Send materiale', dueDate: daysFromToday(2) },
        { title: 'Ring igen', dueDate: '' },
      ],
    });
    expect(r.fields).toEqual({ 'followups.1.dueDate': 'Opfølgningen skal have en frist' });
    const after = (await store.call('visits.get', { id: visit.id })) as Visit;
    expect(after).toMatchObject({ notes: 'før', needs: [], followups: [], updatedAt: visit.updatedAt });
    expect(count(store, 'followups')).toBe(0);
    expect(count(store, 'audit_log')).toBe(audit);
    expect((await getCompany(store, company.id)).status).toBe('contacted');
    expect(await store.call('drafts.get', { key })).toMatchObject({ payload: { notes: 'efter' } });
  });

  it('checks a form while typing without saving (visits.validate)', async () => {
    const { company } = await firmWithContacts(store);
    const r = (await store.call('visits.validate', {
      companyId: company.id,
      date: daysFromToday(5),
      followups: [{ title: 'Ring', dueDate: '' }],
    })) as { fields: Array<{ field: string; message: string }> };
    expect(r.fields).toEqual([
      { field: 'date', message: 'Datoen må ikke ligge efter i dag' },
      { field: 'followups.0.dueDate', message: 'Opfølgningen skal have en frist' },
    ]);
    expect(await store.call('visits.validate', { companyId: company.id, notes: 'halvt udfyldt' })).toEqual({
      fields: [],
    });
    await expectNothingSaved();
  });
});

describe('company status moves with the work', () => {
  it('identified → contacted → visited → needs clarified → in progress, never back', async () => {
    const { company } = await firmWithContacts(store);
    const status = async () => (await getCompany(store, company.id)).status;
    await addVisit(store, { companyId: company.id, date: today(), type: 'phone' });
    expect(await status()).toBe('contacted');
    await addVisit(store, { companyId: company.id, date: today(), type: 'visit' });
    expect(await status()).toBe('visited');
    await addVisit(store, { companyId: company.id, date: today(), type: 'email', needs: ['export'] });
    expect(await status()).toBe('needs_clarified');
    await addVisit(store, { companyId: company.id, date: today(), type: 'phone' });
    expect(await status()).toBe('needs_clarified');
    await store.call('followups.create', { companyId: company.id, title: 'Send brochure', dueDate: daysFromToday(3) });
    expect(await status()).toBe('in_progress');
    const history = (await store.call('companies.history', { id: company.id })) as AuditEntry[];
    const moves = history
      .filter((h) => h.entity === 'company' && h.action === 'update')
      .map((h) => `${h.before?.status}→${h.after?.status} (${h.reason})`)
      .reverse();
    expect(moves).toEqual([
      'identified→contacted (Automatisk: kontakt registreret)',
      'contacted→visited (Automatisk: kontakt registreret)',
      'visited→needs_clarified (Automatisk: kontakt registreret)',
      'needs_clarified→in_progress (Automatisk: opfølgning oprettet)',
    ]);
  });

  it('is set by hand with companies.update; closing needs a reason, and work does not reopen it', async () => {
    const { company } = await firmWithContacts(store);
    const r = await refusedFields(store, 'companies.update', { id: company.id, changes: { status: 'closed' } });
    expect(r.fields).toEqual({ statusReason: 'Skriv en begrundelse, når sagen lukkes' });
    await store.call('companies.update', {
      id: company.id,
      changes: { status: 'closed', statusReason: 'Ejeren gik på pension' },
    });
    await addVisit(store, { companyId: company.id, date: today(), needs: ['generational_change'] });
    const closed = await getCompany(store, company.id);
    expect([closed.status, closed.statusReason]).toEqual(['closed', 'Ejeren gik på pension']);
    // Saving a form that re-sends "closed" needs no new reason; going back is allowed by hand.
    await store.call('companies.update', { id: company.id, changes: { status: 'closed', name: 'Ådalen' } });
    await store.call('companies.update', { id: company.id, changes: { status: 'visited' } });
    expect((await getCompany(store, company.id)).status).toBe('visited');
  });
});

describe('the audit trail of visits', () => {
  it('records create, change (before and after) and delete, with who did it', async () => {
    const { company, owner } = await firmWithContacts(store);
    const { visit } = await addVisit(store, {
      companyId: company.id,
      date: today(),
      needs: ['financing'],
      notes: 'Første note',
    });
    await store.call('visits.update', {
      id: visit.id,
      changes: { notes: 'Rettet note', needs: ['financing', 'export'], participantIds: [owner.id] },
    });
    await store.call('visits.update', { id: visit.id, changes: { notes: 'Rettet note' } });
    await store.call('visits.delete', { id: visit.id });
    const history = ((await store.call('companies.history', { id: company.id })) as AuditEntry[])
      .filter((h) => h.entity === 'visit')
      .reverse();
    expect(history.map((h) => h.action)).toEqual(['create', 'update', 'delete']);
    expect(history.every((h) => h.actor === 'Karen Sørensen' && h.entityId === visit.id)).toBe(true);
    expect(history[0]?.after).toMatchObject({ date: today(), needs: 'financing', notes: 'Første note' });
    expect(history[1]?.before).toEqual({ notes: 'Første note', needs: 'financing', participants: null });
    expect(history[1]?.after).toEqual({
      notes: 'Rettet note',
      needs: 'financing, export',
      participants: 'Mette Jensen',
    });
    expect(history[2]?.before).toMatchObject({ notes: 'Rettet note' });
  });
});

describe('last contact and next follow-up in the caseload', () => {
  it('are kept on the company and sort the caseload, empty values last', async () => {
    const a = await firmWithContacts(store, 'Anker Auto');
    const b = await firmWithContacts(store, 'Bageriet');
    await firmWithContacts(store, 'Cykelsmeden');
    await addVisit(store, { companyId: a.company.id, date: daysFromToday(-10) });
    await addVisit(store, { companyId: b.company.id, date: daysFromToday(-2) });
    const { visit } = await addVisit(store, {
      companyId: a.company.id,
      date: daysFromToday(-20),
      followups: [
        { title: 'Senere', dueDate: daysFromToday(30) },
        { title: 'Snart', dueDate: daysFromToday(5) },
      ],
    });
    const list = async (column: string, desc: boolean) =>
      ((await store.call('companies.list', { sort: [{ column, desc }] })) as CaseloadPage).rows.map((r) => [
        r.name,
        r.lastContact,
        r.nextFollowup,
      ]);
    expect(await list('lastContact', true)).toEqual([
      ['Bageriet', daysFromToday(-2), null],
      ['Anker Auto', daysFromToday(-10), daysFromToday(5)],
      ['Cykelsmeden', null, null],
    ]);
    const snart = visit.followups.find((f) => f.title === 'Snart');
    await store.call('followups.complete', { id: snart?.id });
    expect((await list('nextFollowup', false))[0]).toEqual(['Anker Auto', daysFromToday(-10), daysFromToday(30)]);
    await store.call('visits.delete', { id: visit.id });
    await store.call('visits.update', {
      id: (await visitsOf(store, a.company.id))[0]?.id,
      changes: { date: daysFromToday(-1) },
    });
    expect((await list('lastContact', true))[0]).toEqual(['Anker Auto', daysFromToday(-1), daysFromToday(30)]);
  });
});
