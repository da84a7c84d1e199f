/**
 * The victim of interop-kill.test.ts: imports FILE into DB with Bindeled's own importer and prints
 * each progress step ("progress <message> <done> <total>") straight to the pipe, synchronously, so
 * the parent can kill it at a chosen point of the check or of the write transaction.
 * Usage: tsx interop-kill.child.ts DB FILE
 */
import fs from 'node:fs';
import { openDatabase } from '../../src-main/core/db/open';
import { importInOneGo } from '../../src-main/core/interop/import-service';

const [dbPath, file] = process.argv.slice(2);
if (!dbPath || !file) {
  process.stderr.write('usage: interop-kill.child.ts DB FILE\n');
  process.exit(2);
}
const db = openDatabase(dbPath);
const job = {
  signal: new AbortController().signal,
  progress: (done: number, total: number, message?: string) =>
    fs.writeSync(1, `progress ${message ?? ''}|${done}|${total}\n`),
};
const result = await importInOneGo(db, file, {}, 'abort', { job });
fs.writeSync(1, `done ${result.written} ${result.totals.add} ${result.totals.update}\n`);
db.close();
