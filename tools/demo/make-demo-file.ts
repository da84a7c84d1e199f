/**
 * Writes the demo programme as the caseload file the app ships, which `bindeled demo` and the
 * app's first-run offer import like any consultant's file:
 *
 *   npm run make-demo                      → resources/demo/demoprogram.bindeled.json
 *   npm run make-demo -- --seed 7 --out F  → another seed, elsewhere
 *
 * The same seed writes the same bytes (fixed stamps, seeded uuids), so the file is committed and
 * tests/integration/tools/demo/demo-programme.test.ts checks that it is what this tool writes now.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { APP_VERSION } from '../../src-main/core/app/paths';
import { latestVersion } from '../../src-main/core/db/migrate';
import { openDatabase } from '../../src-main/core/db/open';
import { writeCaseloadFile } from '../../src-main/core/interop/caseload/caseload-write';
import { scopeCompanyIds } from '../../src-main/core/interop/export-scope';
import { NO_JOB } from '../../src-main/core/interop/job';
import { DEMO_FILE } from '../../src-main/core/report/demo-programme';
import { DEMO_PERIOD, DEMO_SEED } from './demo-plan';
import { createDemoProgramme } from './demo-programme';

/** Where the shipped file is kept in the repository. */
export const SHIPPED_DEMO_FILE = path.resolve(import.meta.dirname, '..', '..', 'resources', DEMO_FILE);

/** Generates the demo programme in a database of its own and writes it to `target`. */
export async function writeDemoFile(target: string, seed = DEMO_SEED): Promise<void> {
  const db = openDatabase(':memory:');
  try {
    createDemoProgramme(db, seed);
    await writeCaseloadFile(
      db,
      target,
      scopeCompanyIds(db, { kind: 'all' }),
      { kind: 'all' },
      {
        appVersion: APP_VERSION,
        schemaVersion: latestVersion(),
        actor: 'Bindeled demo',
        progressLabel: '',
        exportedAt: `${DEMO_PERIOD.asOf}T12:00:00.000Z`,
      },
      NO_JOB,
    );
  } finally {
    db.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { seed: { type: 'string' }, out: { type: 'string' } } });
  const seed = values.seed === undefined ? DEMO_SEED : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 1) throw new Error('--seed skal være et helt tal over 0');
  const target = path.resolve(values.out ?? SHIPPED_DEMO_FILE);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await writeDemoFile(target, seed);
  console.log(`Skrev ${path.relative(process.cwd(), target)} (seed ${seed})`);
}
