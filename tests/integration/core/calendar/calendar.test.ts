import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarFileResult, Consultant, FollowUp, LagApplication } from '../../../../src-main/api/contract';
import { calendarFileText } from '../../../../src-main/core/calendar/calendar-file';
import { orgId } from '../../../helpers/documents-fixtures';
import type { TestStore } from '../../../helpers/temp-db';
import { addVisit, daysFromToday, firmWithContacts, openAsKaren, refusedFields, today } from '../../../helpers/visits';

let store: TestStore;
let karen: Consultant;
let bo: Consultant;

beforeEach(async () => {
  ({ store, karen, bo } = await openAsKaren());
});
afterEach(() => store.close());

/** Parses with ical.js (a real iCalendar reader) and returns the events with their times in UTC. */
function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  const zone = cal.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(zone);
  return {
    cal,
    events: cal.getAllSubcomponents('vevent').map((c) => {
      const e = new ICAL.Event(c);
      return {
        uid: e.uid,
        summary: e.summary,
        description: e.description,
        location: e.location,
        start: e.startDate,
        end: e.endDate,
        sequence: e.sequence,
      };
    }),
  };
}

async function followup(
  companyId: number,
  title: string,
  due: number,
  consultantId: number | null,
  description?: string,
) {
  return (await store.call('followups.create', {
    companyId,
    title,
    dueDate: daysFromToday(due),
    consultantId,
    description,
  })) as FollowUp;
}

async function exportFile(input: Record<string, unknown>): Promise<{ result: CalendarFileResult; text: string }> {
  const chosen = (await store.call('files.chooseSave', { title: 'x', defaultName: 'kalender.ics', filters: [] })) as {
    path: string;
  };
  const result = (await store.call('calendar.export', { ...input, path: chosen.path })) as CalendarFileResult;
  return { result, text: fs.readFileSync(result.path, 'utf8') };
}

describe('the calendar file', () => {
  it('holds my open follow-ups and LAG deadlines with Danish summaries, titles and firm names only', async () => {
    const { company } = await firmWithContacts(store, 'Æblegården, Ørsted & Søn; ApS');
    const other = await firmWithContacts(store, 'Smedjen i Ry');
    await followup(company.id, 'Ring om tilbud; pris, moms', 2, karen.id, 'Hemmelig note om økonomien');
    await followup(other.company.id, 'Bos opgave', 3, bo.id);
    const done = await followup(company.id, 'Allerede gjort', 1, karen.id);
    await store.call('followups.complete', { id: done.id });
    await store.call('lag.create', {
      companyId: company.id,
      lagId: await orgId(store, 'LAG Djursland'),
      title: 'Ny gårdbutik',
      consultantId: karen.id,
      deadline: daysFromToday(5),
    });

    const { result, text } = await exportFile({});
    expect(result.events).toBe(2);
    const { cal, events } = parse(text);
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Copenhagen');
    expect(events.map((e) => e.summary)).toEqual([
      'Opfølgning: Ring om tilbud; pris, moms – Æblegården, Ørsted & Søn; ApS',
      'LAG-frist: Ny gårdbutik – Æblegården, Ørsted & Søn; ApS',
    ]);
    expect(events[0]?.start.isDate).toBe(true);
    expect(events[0]?.start.toString()).toBe(daysFromToday(2));
    expect(events[0]?.end.toString()).toBe(daysFromToday(3));
    // Notes stay out unless the user chooses them.
    expect(text).not.toContain('Hemmelig');
    expect(events.every((e) => !e.description && !e.location)).toBe(true);
    // Escaped on the wire: commas and semicolons in text values.
    expect(text).toContain('Ring om tilbud\\; pris\\, moms');
  });

  it('keeps every line within 75 octets, ends lines with CRLF and folds without splitting Danish letters', async () => {
    const { company } = await firmWithContacts(store, 'Å'.repeat(30));
    await followup(company.id, `Økonomi${'æøå'.repeat(40)}`, 1, karen.id, `Linje et\nLinje to, med ø`);
    const { text } = await exportFile({ notes: true });
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(2);
    const [event] = parse(text).events;
    expect(event?.summary).toBe(`Opfølgning: Økonomi${'æøå'.repeat(40)} – ${'Å'.repeat(30)}`);
    expect(event?.description).toBe('Linje et\nLinje to, med ø');
  });

  it('gives each item the same UID in every export, so a re-import updates instead of duplicating', async () => {
    const { company } = await firmWithContacts(store);
    const f = await followup(company.id, 'Send referat', 1, karen.id);
    const first = parse((await exportFile({})).text).events;
    await store.call('followups.snooze', { id: f.id, until: daysFromToday(4) });
    const second = parse((await exportFile({})).text).events;
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(second[0]?.uid).toBe(first[0]?.uid);
    expect(second[0]?.uid).toBe(`followup-${f.uuid}@bindeled`);
    expect(second[0]?.start.toString()).toBe(daysFromToday(4));
    expect(second[0]?.sequence).toBeGreaterThanOrEqual(first[0]?.sequence ?? 0);
    const one = (await store.call('files.chooseSave', { title: 'x', defaultName: 'en.ics', filters: [] })) as {
      path: string;
    };
    const single = (await store.call('calendar.item', {
      kind: 'followup',
      id: f.id,
      path: one.path,
    })) as CalendarFileResult;
    expect(parse(fs.readFileSync(single.path, 'utf8')).events[0]?.uid).toBe(first[0]?.uid);
  });

  it("places a visit's start time in Copenhagen time, summer and winter", async () => {
    const { company } = await firmWithContacts(store, 'Smedjen i Ry');
    const summer = '2026-07-01';
    const winter = '2026-01-15';
    for (const date of [summer, winter])
      await addVisit(store, {
        companyId: company.id,
        date,
        startTime: '09:30',
        durationMinutes: 90,
        type: 'visit',
        consultantId: karen.id,
        location: 'Hovedgaden 1',
        notes: 'Privat',
      });
    // Visits from this day on are the planned ones; the test moves "today" back to see both.
    const plain = calendarFileText(store.db, { from: winter, to: summer, notes: false }, winter);
    const { events } = parse(plain.text);
    expect(events.map((e) => e.summary)).toEqual(['Besøg: Smedjen i Ry', 'Besøg: Smedjen i Ry']);
    expect(events.map((e) => e.start.toJSDate().toISOString())).toEqual([
      '2026-01-15T08:30:00.000Z',
      '2026-07-01T07:30:00.000Z',
    ]);
    expect(events[1]?.end.toJSDate().toISOString()).toBe('2026-07-01T09:00:00.000Z');
    expect(plain.text).toContain('DTSTART;TZID=Europe/Copenhagen:20260701T093000');
    expect(plain.text).not.toContain('Hovedgaden');
    const withNotes = parse(calendarFileText(store.db, { from: winter, to: summer, notes: true }, winter).text);
    expect(withNotes.events[0]).toMatchObject({ location: 'Hovedgaden 1', description: 'Privat' });
    // Past visits are history, not plans.
    expect(calendarFileText(store.db, { from: winter, to: summer, notes: false }, today()).events).toBe(0);
  });

  it("exports a colleague's or everyone's on request, within the period", async () => {
    const { company } = await firmWithContacts(store);
    await followup(company.id, 'Mit', 1, karen.id);
    await followup(company.id, 'Bos', 2, bo.id);
    await followup(company.id, 'Bos senere', 40, bo.id);
    const summaries = async (input: Record<string, unknown>) =>
      parse((await exportFile(input)).text).events.map((e) => e.summary.split(':')[1]?.split(' – ')[0]?.trim());
    expect(await summaries({ consultant: bo.id })).toEqual(['Bos', 'Bos senere']);
    expect(await summaries({ consultant: 'all', to: daysFromToday(30) })).toEqual(['Mit', 'Bos']);
    expect(await summaries({ consultant: bo.id, from: daysFromToday(10) })).toEqual(['Bos senere']);
  });

  it('refuses a period that ends before it starts, an unknown consultant and a bad date, writing nothing', async () => {
    const chosen = (await store.call('files.chooseSave', { title: 'x', defaultName: 'k.ics', filters: [] })) as {
      path: string;
    };
    const backwards = await refusedFields(store, 'calendar.export', {
      path: chosen.path,
      from: '10.01.2027',
      to: '01.01.2027',
    });
    expect(backwards.fields).toEqual({ to: 'Slutdatoen ligger før startdatoen.' });
    expect((await refusedFields(store, 'calendar.export', { path: chosen.path, consultant: 999 })).fields).toEqual({
      consultant: 'Konsulenten findes ikke.',
    });
    expect((await refusedFields(store, 'calendar.export', { path: chosen.path, from: '32.13.2026' })).code).toBe(
      'invalid_input',
    );
    expect(fs.existsSync(chosen.path)).toBe(false);
    expect(fs.readdirSync(path.dirname(chosen.path)).filter((n) => n.endsWith('.ics'))).toEqual([]);
  });

  it('puts one LAG deadline in a file of its own, and refuses an application without one', async () => {
    const { company } = await firmWithContacts(store, 'Mosteriet');
    const lagId = await orgId(store, 'LAG Djursland');
    const withDeadline = (await store.call('lag.create', {
      companyId: company.id,
      lagId,
      title: 'Presseri',
      deadline: '2027-03-01',
    })) as LagApplication;
    const without = (await store.call('lag.create', {
      companyId: company.id,
      lagId,
      title: 'Uden frist',
    })) as LagApplication;
    const chosen = (await store.call('files.chooseSave', { title: 'x', defaultName: 'lag.ics', filters: [] })) as {
      path: string;
    };
    const r = (await store.call('calendar.item', {
      kind: 'lag',
      id: withDeadline.id,
      path: chosen.path,
    })) as CalendarFileResult;
    const { events } = parse(fs.readFileSync(r.path, 'utf8'));
    expect(events).toEqual([
      expect.objectContaining({ summary: 'LAG-frist: Presseri – Mosteriet', uid: `lag-${withDeadline.uuid}@bindeled` }),
    ]);
    expect(events[0]?.start.toString()).toBe('2027-03-01');
    const refused = await refusedFields(store, 'calendar.item', { kind: 'lag', id: without.id, path: chosen.path });
    expect(refused.fields).toEqual({ id: 'LAG-ansøgningen har ingen frist at sætte i kalenderen.' });
  });
});
