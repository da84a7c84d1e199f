import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { backupDir, backupFileName } from '../../src-main/core/backup/backup-names';
import { latestVersion } from '../../src-main/core/db/migrate';
import { searchAndScroll } from '../suites/main-thread';

/**
 * The desktop app's main module under Node, `electron` replaced by the test double (loaded with
 * bench/lib/electron-stand-in-hook.mjs), on a copy of the generated caseload: the window's searches
 * and scrolling go through main's IPC handler while main's event loop is watched. Prints one JSON
 * line with the longest delay of each run.
 */
const [dbPath = '', size = '0', runs = '3'] = process.argv.slice(2);
// A backup of today already there: the start does not copy the whole caseload while this measures.
fs.mkdirSync(backupDir(dbPath), { recursive: true });
fs.writeFileSync(path.join(backupDir(dbPath), backupFileName(new Date(), latestVersion(), 'daily')), '');
process.env.BINDELED_DB = dbPath;
const stand = await import('../../tests/helpers/electron-stand-in');
await import('../../src-main/electron/main');
await stand.windowLoaded;
await searchAndScroll(stand.invoke, Number(size));
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
const max: number[] = [];
const p99: number[] = [];
for (let run = 0; run < Number(runs); run++) {
  delay.reset();
  await searchAndScroll(stand.invoke, Number(size));
  max.push(delay.max / 1e6);
  p99.push(delay.percentile(99) / 1e6);
}
delay.disable();
await stand.quit();
process.stdout.write(`${JSON.stringify({ max, p99 })}\n`);
process.exit(0);
