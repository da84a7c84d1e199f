import { describe, expect, it } from 'vitest';
import { followupArg, needKey, visitType } from '../../../../src-main/cli/commands/visits';
import { addDays, endTimeOf, parseClockTime } from '../../../../src-main/core/domain/clock-time';
import { COMPANY_STATUSES } from '../../../../src-main/core/domain/company-status';
import { NEED_KEYS, POTENTIAL_LEVELS } from '../../../../src-main/core/domain/needs';
import { advanceStatus, statusForContact } from '../../../../src-main/core/domain/status-rules';
import { sanitiseText } from '../../../../src-main/core/files/sanitise-text';
import { followupState } from '../../../../src-main/core/followups/followup-repo';
import { message } from '../../../../src-main/core/messages';
import { ftsPrefixQuery, snippetSegments } from '../../../../src-main/core/visits/fts-query';
import { visitCreateSchema, visitUpdateSchema } from '../../../../src-main/core/visits/visit-schema';
import { labelKey } from '../../../../src-shared/messages/code-labels';

describe('company status moves with the work', () => {
  it('a call, e-mail or meeting makes a firm contacted; a visit makes it visited', () => {
    expect(statusForContact('phone', false, false)).toBe('contacted');
    expect(statusForContact('email', false, false)).toBe('contacted');
    expect(statusForContact('meeting', false, false)).toBe('contacted');
    expect(statusForContact('visit', false, false)).toBe('visited');
  });

  it('recorded needs clarify them, and a follow-up puts the case in progress', () => {
    expect(statusForContact('phone', true, false)).toBe('needs_clarified');
    expect(statusForContact('visit', true, true)).toBe('in_progress');
  });

  it('never moves backwards, and never out of closed', () => {
    for (const current of COMPANY_STATUSES) {
      for (const target of COMPANY_STATUSES) {
        const next = advanceStatus(current, target);
        expect(COMPANY_STATUSES.indexOf(next)).toBeGreaterThanOrEqual(COMPANY_STATUSES.indexOf(current));
      }
    }
    expect(advanceStatus('closed', 'visited')).toBe('closed');
    expect(advanceStatus('identified', 'visited')).toBe('visited');
  });
});

describe('times of day and dates', () => {
  it('reads 10:30, 9.05 and refuses 24:00 or words', () => {
    expect(parseClockTime('10:30')).toBe('10:30');
    expect(parseClockTime('9.05')).toBe('09:05');
    expect(parseClockTime('24:00')).toBeUndefined();
    expect(parseClockTime('halv elleve')).toBeUndefined();
  });

  it('computes end times and adds days across month ends', () => {
    expect(endTimeOf('09:30', 90)).toBe('11:00');
    expect(endTimeOf('23:30', 60)).toBeNull();
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });
});

describe('the needs checklist and the potential scale', () => {
  it('has the ten needs of the issue, each with a Danish and an English label', () => {
    expect(NEED_KEYS).toHaveLength(10);
    expect(NEED_KEYS.map((n) => message(labelKey.need(n), {}, 'da'))).toContain('Generationsskifte');
    expect(message(labelKey.need('sales_marketing'), {}, 'en')).toBe('Sales and marketing');
    expect(POTENTIAL_LEVELS.map((l) => message(labelKey.potential(l), {}, 'da'))).toEqual([
      'Meget lille',
      'Lille',
      'Middel',
      'Stort',
      'Meget stort',
    ]);
  });

  it('CLI accepts needs and types by key or Danish name, and DATE:TEXT follow-ups', () => {
    expect(needKey('Finansiering')).toBe('financing');
    expect(needKey('digitalisation')).toBe('digitalisation');
    expect(() => needKey('kaffe')).toThrow(/Ukendt behov/);
    expect(visitType('Telefon')).toBe('phone');
    expect(followupArg('01.06.2025:Ring om lånet: svar fra banken')).toEqual({
      dueDate: '01.06.2025',
      title: 'Ring om lånet: svar fra banken',
    });
    expect(followupArg('ring tilbage')).toEqual({ dueDate: '', title: 'ring tilbage' });
  });
});

describe('the visit form schema', () => {
  it('fills defaults on create only, never on an update that did not send the field', () => {
    const created = visitCreateSchema.parse({ companyId: 1, date: '01.02.2024' });
    expect(created).toMatchObject({ type: 'visit', needs: [], participantIds: [], adviceGiven: false, followups: [] });
    const update = visitUpdateSchema.parse({ id: 1, changes: { notes: 'ny note' } });
    expect(update.changes).toEqual({ notes: 'ny note' });
  });

  it('removes duplicate needs, trims text and strips control characters', () => {
    const v = visitCreateSchema.parse({
      companyId: 1,
      date: '2024-02-01',
      needs: ['export', 'export'],
      notes: '  Æbler\u0002 og\u0007 pærer \n',
    });
    expect(v.needs).toEqual(['export']);
    expect(v.notes).toBe('Æbler og pærer');
    expect(sanitiseText('a\tb\nc\u0003')).toBe('a\tb\nc');
  });
});

describe('search queries and snippets', () => {
  it('quotes every word and matches it as a prefix, so operators are text', () => {
    expect(ftsPrefixQuery('salg  økonomi')).toBe('"salg"* AND "økonomi"*');
    expect(ftsPrefixQuery('"AND* NEAR')).toBe('"""AND*"* AND "NEAR"*');
    expect(ftsPrefixQuery('& - !')).toBeNull();
  });

  it('splits a marked snippet into plain-text segments', () => {
    expect(snippetSegments('…søge \u0002LAG\u0003-midler til <b>\u0002gårdbutik\u0003…')).toEqual([
      { text: '…søge ', hit: false },
      { text: 'LAG', hit: true },
      { text: '-midler til <b>', hit: false },
      { text: 'gårdbutik', hit: true },
      { text: '…', hit: false },
    ]);
  });
});

describe('follow-up state', () => {
  it('is overdue before today, due today, upcoming after, done when ticked', () => {
    expect(followupState('2024-05-01', null, '2024-05-02')).toBe('overdue');
    expect(followupState('2024-05-02', null, '2024-05-02')).toBe('due');
    expect(followupState('2024-05-03', null, '2024-05-02')).toBe('upcoming');
    expect(followupState('2024-05-01', '2024-05-01T10:00:00Z', '2024-05-02')).toBe('done');
  });
});
