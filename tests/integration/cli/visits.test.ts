import { describe, expect, it } from 'vitest';
import type { FollowUp, Visit } from '../../../src-main/api/contract';
import { addDays } from '../../../src-main/core/domain/clock-time';
import { formatDateDa, todayIso } from '../../../src-shared/format/dates';
import { tempCli } from '../../helpers/cli-run';

const { cli } = tempCli();

const day = (n: number) => addDays(todayIso(), n);
const da = (n: number) => formatDateDa(day(n));

async function firm() {
  const r = await cli(
    'companies',
    'add',
    '--name',
    'Ådalens Gårdbutik',
    '--cvr',
    '13748136',
    '--owner',
    'Mette Jensen',
  );
  expect(r.code).toBe(0);
}

describe('visits and followups on the command line', () => {
  it('adds a visit with needs, a participant and follow-ups, and lists it by CVR', async () => {
    await firm();
    const added = await cli(
      'visits',
      'add',
      '--company',
      '13748136',
      '--date',
      da(-1),
      '--type',
      'besøg',
      '--time',
      '10.00',
      '--duration',
      '90',
      '--participant',
      'mette jensen',
      '--need',
      'financing',
      '--need',
      'Digitalisering',
      '--notes',
      'Vil søge LAG-midler til kølerum',
      '--followup',
      `${da(7)}:Send henvisning`,
      '--followup',
      `${day(14)}:Ring: hvad sagde banken?`,
    );
    expect(added.code).toBe(0);
    expect(added.out).toContain(`Registreret: Besøg ${da(-1)} hos Ådalens Gårdbutik`);
    expect(added.out).toContain('Status: Identificeret → I forløb');
    expect(added.out).toContain(`Opfølgning ${da(14)}: Ring: hvad sagde banken?`);

    // The caseload's search finds the firm by a word of the notes only with --notes.
    const byNotes = async (...flags: string[]) =>
      (JSON.parse((await cli('companies', 'list', '--search', 'kølerum', ...flags, '--json')).out) as unknown[]).length;
    expect(await byNotes()).toBe(0);
    expect(await byNotes('--notes')).toBe(1);

    const listed = await cli('visits', 'list', '--company', '13748136', '--json');
    expect(listed.code).toBe(0);
    const visits = JSON.parse(listed.out) as Visit[];
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({
      date: day(-1),
      startTime: '10:00',
      endTime: '11:30',
      needs: ['financing', 'digitalisation'],
      participants: [{ name: 'Mette Jensen' }],
      notes: 'Vil søge LAG-midler til kølerum',
    });
    expect(visits[0]?.followups.map((f) => f.title)).toEqual(['Send henvisning', 'Ring: hvad sagde banken?']);

    const text = await cli('visits', 'list', '--company', '1');
    expect(text.out).toContain('Finansiering, Digitalisering');
    expect(text.out).toContain('1 besøg og kontakter hos Ådalens Gårdbutik');
  });

  it('lists follow-ups due before a date, and marks one done', async () => {
    await firm();
    await cli(
      'visits',
      'add',
      '--company',
      '13748136',
      '--date',
      day(0),
      '--type',
      'phone',
      '--followup',
      `${day(-2)}:For sent`,
    );
    await cli('visits', 'add', '--company', '13748136', '--date', day(0), '--followup', `${day(3)}:Snart`);
    await cli('visits', 'add', '--company', '13748136', '--date', day(0), '--followup', `${day(30)}:Senere`);

    const due = await cli('followups', 'list', '--due-before', da(3), '--json');
    expect(due.code).toBe(0);
    const rows = JSON.parse(due.out) as FollowUp[];
    expect(rows.map((f) => [f.title, f.state])).toEqual([
      ['For sent', 'overdue'],
      ['Snart', 'upcoming'],
    ]);
    const text = await cli('followups', 'list');
    expect(text.out).toContain(`${da(-2)}\tForfalden\tÅdalens Gårdbutik (13748136)\tFor sent`);
    expect(text.out).toContain('3 opfølgninger');

    expect((await cli('followups', 'done', String(rows[0]?.id))).out).toContain('Udført: For sent');
    expect(JSON.parse((await cli('followups', 'list', '--filter', 'overdue', '--json')).out)).toEqual([]);
  });

  it('exits 1 with the field message for refused input, and saves nothing', async () => {
    await firm();
    const future = await cli('visits', 'add', '--company', '13748136', '--date', da(2), '--notes', 'x');
    expect(future.code).toBe(1);
    expect(future.err).toContain('Datoen må ikke ligge efter i dag');
    const noDue = await cli('visits', 'add', '--company', '13748136', '--date', da(0), '--followup', 'ring tilbage');
    expect(noDue.code).toBe(1);
    expect(noDue.err).toContain('Opfølgningen skal have en frist');
    const stranger = await cli('visits', 'add', '--company', '13748136', '--date', da(0), '--participant', 'Ukendt');
    expect(stranger.code).toBe(1);
    expect(stranger.err).toContain('Kontaktpersonen findes ikke');
    const unknown = await cli('visits', 'list', '--company', '24256790');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Virksomheden findes ikke');
    expect(JSON.parse((await cli('visits', 'list', '--company', '13748136', '--json')).out)).toEqual([]);
    expect(JSON.parse((await cli('followups', 'list', '--json')).out)).toEqual([]);
  });

  it('exits 2 on usage errors', async () => {
    await firm();
    expect((await cli('visits')).code).toBe(2);
    expect((await cli('visits', 'add', '--date', da(0))).code).toBe(2);
    expect((await cli('visits', 'add', '--company', '1')).code).toBe(2);
    expect((await cli('visits', 'add', '--company', '1', '--date', da(0), '--need', 'kaffe')).code).toBe(2);
    expect((await cli('visits', 'add', '--company', '1', '--date', da(0), '--type', 'brevdue')).code).toBe(2);
    expect((await cli('visits', 'add', '--company', '1', '--date', da(0), '--duration', 'lang')).code).toBe(2);
    expect((await cli('followups', 'list', '--filter', 'snart')).code).toBe(2);
    expect((await cli('followups', 'done')).code).toBe(2);
    expect((await cli('visits', 'list', '--company', '1', '--bogus')).code).toBe(2);
  });
});
