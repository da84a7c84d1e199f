import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WeekData } from '../../../src-main/api/contract';
import { openDatabase } from '../../../src-main/core/db/open';
import { addDays } from '../../../src-main/core/domain/clock-time';
import { setIdentity } from '../../../src-main/core/settings/identity';
import { todayIso } from '../../../src-shared/format/dates';
import { tempCli } from '../../helpers/cli-run';

const { cli, dir } = tempCli();

/** Karen is "me" in settings; Bo is a colleague with a firm and an overdue follow-up. */
async function twoConsultants() {
  await cli('companies', 'add', '--name', 'Karens Smedje', '--consultant', 'Karen Sørensen');
  await cli('companies', 'add', '--name', 'Bos Bageri', '--consultant', 'Bo Lund');
  const db = openDatabase(path.join(dir(), 'c.db'));
  try {
    setIdentity(db, { name: 'Karen Sørensen', role: 'Erhvervskonsulent' });
    const ids = db.prepare('SELECT c.id, c.consultant_id AS who FROM companies c ORDER BY c.id').all() as Array<{
      id: number;
      who: number;
    }>;
    const add =
      db.prepare(`INSERT INTO followups(uuid, company_id, title, due_date, consultant_id, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`);
    for (const [i, c] of ids.entries()) add.run(`u${i}`, c.id, `Ring ${i}`, addDays(todayIso(), -2), c.who);
  } finally {
    db.close();
  }
}

describe('bindeled week and --as', () => {
  it('prints my week by section, and a colleague’s with --consultant or --as', async () => {
    await twoConsultants();
    const mine = await cli('week');
    expect(mine.code).toBe(0);
    expect(mine.out).toContain('(Karen Sørensen), set fra');
    expect(mine.out).toContain('Opfølgninger: forfaldne og denne uge (1)');
    expect(mine.out).toContain('Karens Smedje\tRing 0');
    expect(mine.out).not.toContain('Bos Bageri');
    expect(mine.out).toContain('Henvisninger uden svar i over 14 dage (0)\n  (ingen)');

    const bo = await cli('week', '--consultant', 'bo lund');
    expect(bo.out).toContain('Bos Bageri\tRing 1');
    const asBo = await cli('--as', 'Bo Lund', 'week', '--json');
    const w = JSON.parse(asBo.out) as WeekData;
    expect(w.me?.name).toBe('Bo Lund');
    expect(w.followups.rows.map((f) => f.companyName)).toEqual(['Bos Bageri']);
    const everyone = JSON.parse((await cli('week', '--all', '--json', '--on', todayIso())).out) as WeekData;
    expect(everyone.followups.total).toBe(2);
    // --as changes nobody's settings.
    expect(JSON.parse((await cli('week', '--json')).out).me.name).toBe('Karen Sørensen');
  });

  it('follows --as into "mine" in other commands and into the audit log', async () => {
    await twoConsultants();
    const list = await cli('--as=Bo Lund', 'followups', 'list', '--mine', '--json');
    expect((JSON.parse(list.out) as Array<{ companyName: string }>).map((f) => f.companyName)).toEqual(['Bos Bageri']);
    await cli('--as', 'Bo Lund', 'companies', 'add', '--name', 'Tredje Firma');
    const db = openDatabase(path.join(dir(), 'c.db'));
    try {
      const actor = db.prepare("SELECT actor FROM audit_log WHERE action = 'create' ORDER BY id DESC LIMIT 1").get();
      expect(actor).toEqual({ actor: 'Bo Lund' });
    } finally {
      db.close();
    }
  });

  it('refuses an unknown --as name or a missing one, and both --consultant and --all', async () => {
    await twoConsultants();
    const unknown = await cli('--as', 'Ukendt Person', 'week');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain(
      'Ingen konsulent hedder "Ukendt Person". Kendte konsulenter: Bo Lund, Karen Sørensen',
    );
    expect((await cli('week', '--as')).code).toBe(2);
    const both = await cli('week', '--all', '--consultant', 'Bo Lund');
    expect([both.code, both.err.split('\n')[0]]).toEqual([2, 'Brug enten --consultant eller --all']);
    const badDate = await cli('week', '--on', '32.13.2026');
    expect([badDate.code, badDate.err]).toEqual([1, expect.stringContaining('dd.mm.åååå')]);
  });
});
