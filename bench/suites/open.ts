import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../src-main/core/db/open';
import type { Figure } from '../lib/figures';
import { measure } from '../lib/stats';

/**
 * Opening the caseload as the app does at start: pragmas, the schema-version check and the
 * migration check (nothing to migrate). Baseline: a bare better-sqlite3 open reading user_version.
 */
export async function openFigures(file: string, size: number, runs: number): Promise<Figure[]> {
  const baseline = await measure(
    () => {
      const db = new BetterSqlite3(file);
      db.pragma('user_version', { simple: true });
      db.close();
    },
    { runs },
  );
  const timing = await measure(() => openDatabase(file).close(), { runs });
  return [
    {
      size,
      name: 'database open with migration check',
      timing,
      baseline: { name: 'bare open', timing: baseline },
      target: { ms: 100 },
    },
  ];
}
