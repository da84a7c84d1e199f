import { describe, expect, it } from 'vitest';
import type { Contact, Visit } from '../../../../src-main/api/contract';
import {
  defaultValues,
  draftKeyFor,
  hasErrors,
  mapFieldErrors,
  newFollowUpRow,
  restoreDraft,
  sameValues,
  toCreateInput,
  toUpdateInput,
  valuesFromVisit,
} from '../../../../src-renderer/src/visits/visit-form-model';

const contact = (id: number, isOwner: boolean): Contact =>
  ({ id, companyId: 7, name: `K${id}`, role: null, phone: null, email: null, isOwner }) as unknown as Contact;

const fresh = () =>
  defaultValues({ today: new Date(2026, 10, 27), consultantId: 3, contacts: [contact(1, false), contact(2, true)] });

describe('the visit form model', () => {
  it('starts a new visit today, as a visit, with the company consultant and the owner', () => {
    const v = fresh();
    expect(v.date).toBe('27.11.2026');
    expect(v.type).toBe('visit');
    expect(v.consultantId).toBe('3');
    expect(v.participantIds).toEqual([2]);
    expect(v.needs).toEqual([]);
  });

  it('sends typed text trimmed, empty text as null, and skips empty follow-up rows', () => {
    const v = {
      ...fresh(),
      notes: '  Vil sælge honning  ',
      needs: ['financing', 'export'] as const,
      potential: '4',
      durationMinutes: '90',
      followups: [
        { ...newFollowUpRow(), title: ' Send tilbud ', dueDate: '01.12.2026' },
        newFollowUpRow(),
        { ...newFollowUpRow(), title: 'Uden frist', dueDate: '' },
      ],
    };
    const input = toCreateInput({ ...v, needs: [...v.needs] }, 7, draftKeyFor(7, null));
    expect(input).toMatchObject({
      companyId: 7,
      draftKey: 'visit:new:7',
      date: '27.11.2026',
      notes: 'Vil sælge honning',
      location: null,
      needs: ['financing', 'export'],
      potential: 4,
      durationMinutes: 90,
      consultantId: 3,
      participantIds: [2],
    });
    expect(input.followups).toEqual([
      { title: 'Send tilbud', dueDate: '01.12.2026', consultantId: 3 },
      { title: 'Uden frist', dueDate: '', consultantId: 3 },
    ]);
  });

  it('sends an end time instead of a duration, so the API derives and checks it', () => {
    const input = toCreateInput({ ...fresh(), startTime: '09:00', endTime: '10:30', durationMinutes: '5' }, 7, 'k');
    expect(input).toMatchObject({ startTime: '09:00', endTime: '10:30' });
    expect('durationMinutes' in input).toBe(false);
  });

  it('puts the API field messages next to the right field and follow-up row', () => {
    const e = mapFieldErrors(
      [
        { field: 'date', message: 'Datoen må ikke ligge efter i dag' },
        { field: 'changes.endTime', message: 'Slut før start' },
        { field: 'participantIds.0', message: 'Hører til en anden virksomhed' },
        // The second follow-up sent was the form's third row (the empty second row was skipped).
        { field: 'followups.1.dueDate', message: 'Opfølgningen skal have en frist' },
        { field: 'companyId', message: 'Findes ikke' },
      ],
      [0, 2],
    );
    expect(e.fields).toEqual({
      date: 'Datoen må ikke ligge efter i dag',
      endTime: 'Slut før start',
      participantIds: 'Hører til en anden virksomhed',
    });
    expect(e.followups[2]).toEqual({ dueDate: 'Opfølgningen skal have en frist' });
    expect(e.followups[1]).toBeUndefined();
    expect(e.other).toEqual(['Findes ikke']);
    expect(hasErrors(e)).toBe(true);
    expect(hasErrors(mapFieldErrors([]))).toBe(false);
  });

  it('restores a draft, ignoring values of the wrong shape', () => {
    const base = fresh();
    const back = restoreDraft(base, {
      values: {
        notes: 'Halvt skrevet',
        type: 'phone',
        needs: ['export', 5],
        participantIds: [1, 'x'],
        adviceGiven: 'yes',
        potential: 3,
        followups: [{ title: 'Ring', dueDate: '02.12.2026' }, null],
      },
    });
    expect(back.notes).toBe('Halvt skrevet');
    expect(back.type).toBe('phone');
    expect(back.needs).toEqual(['export']);
    expect(back.participantIds).toEqual([1]);
    expect(back.adviceGiven).toBe(false);
    expect(back.potential).toBe('');
    expect(back.followups.map((f) => [f.title, f.dueDate])).toEqual([['Ring', '02.12.2026']]);
    expect(restoreDraft(base, { junk: true })).toEqual(base);
    expect(restoreDraft(base, { values: { type: 'fax' } }).type).toBe('visit');
  });

  it('treats the form as unchanged when only row identities differ', () => {
    const a = { ...fresh(), followups: [{ ...newFollowUpRow(), title: 'A' }] };
    const b = { ...a, followups: [{ ...newFollowUpRow(), title: 'A' }] };
    expect(sameValues(a, b)).toBe(true);
    expect(sameValues(a, { ...a, notes: 'x' })).toBe(false);
  });

  it('round-trips a stored visit into the form and back as an update', () => {
    const visit = {
      id: 9,
      companyId: 7,
      date: '2026-11-20',
      startTime: '09:00',
      endTime: '10:00',
      durationMinutes: 60,
      type: 'meeting',
      consultantId: null,
      participants: [{ id: 2, name: 'K2', role: null }],
      location: 'Gården',
      businessDescription: null,
      needs: ['networks'],
      needsText: null,
      potential: 2,
      adviceGiven: true,
      nextSteps: 'Ring igen',
      notes: null,
      followups: [],
      updatedAt: '2026-11-20T10:00:00Z',
    } as unknown as Visit;
    const v = valuesFromVisit(visit);
    expect(v).toMatchObject({
      date: '20.11.2026',
      type: 'meeting',
      consultantId: '',
      potential: '2',
      participantIds: [2],
    });
    expect(toUpdateInput(v, visit, draftKeyFor(7, 9))).toMatchObject({
      id: 9,
      expectedUpdatedAt: '2026-11-20T10:00:00Z',
      draftKey: 'visit:9',
      changes: { date: '20.11.2026', endTime: '10:00', adviceGiven: true, location: 'Gården', consultantId: null },
    });
  });
});
