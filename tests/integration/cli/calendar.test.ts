import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { tempCli } from '../../helpers/cli-run';

const { cli, dir } = tempCli();

describe('calendar in the CLI', () => {
  it("writes a consultant's follow-ups for a period as an .ics file a calendar reads", async () => {
    await cli('companies', 'add', '--name', 'Smedjen i Ørum');
    await cli(
      'visits',
      'add',
      '--company',
      '1',
      '--date',
      '01.12.2026',
      '--consultant',
      'Karen Sørensen',
      '--followup',
      '15.01.2027:Send tilbud',
    );
    const file = path.join(dir(), 'karen.ics');
    const r = await cli(
      'calendar',
      '--out',
      file,
      '--consultant',
      'karen sørensen',
      '--from',
      '01.01.2027',
      '--to',
      '31.12.2027',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`1 aftaler gemt i ${file}`);
    const cal = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => [e.summary, e.startDate.toString()])).toEqual([
      ['Opfølgning: Send tilbud – Smedjen i Ørum', '2027-01-15'],
    ]);
  });

  it('names the consultants it knows when the one asked for does not exist, and needs --out', async () => {
    const unknown = await cli('calendar', '--out', path.join(dir(), 'x.ics'), '--consultant', 'Nemo');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Ingen konsulent hedder Nemo.');
    expect((await cli('calendar')).err).toContain('calendar kræver --out FIL.ics');
    expect(fs.existsSync(path.join(dir(), 'x.ics'))).toBe(false);
  });
});
