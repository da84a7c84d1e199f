import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../../../src-main/core/db/open';
import {
  parseTempName,
  STALE_TEMP_MS,
  sweepLeftovers,
  TEMP_KINDS,
  tempPathIn,
} from '../../../../src-main/core/files/leftovers';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindeled-temps-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The id of a process that has ended: a node that ran and exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

/** A temporary name as another process (pid) on this computer would make it. */
function tempOf(kind: (typeof TEMP_KINDS)[number], pid: number): string {
  return path.basename(tempPathIn(dir, kind)).replace(`-${process.pid}-`, `-${pid}-`);
}

it('every writer’s temporary name is recognised, with its kind and its process', () => {
  for (const kind of TEMP_KINDS) {
    const name = path.basename(tempPathIn(dir, kind));
    expect(name.startsWith('.'), name).toBe(true);
    expect(parseTempName(name)).toMatchObject({ kind, writer: { pid: process.pid } });
    expect(parseTempName(`${name}-wal`)?.kind).toBe(kind);
  }
  expect(parseTempName('.0123456789ab.docx.tmp')).toEqual({ kind: 'letter', writer: null });
  expect(parseTempName('.bindeled.db.restore-deadbeef.tmp-shm')).toEqual({ kind: 'restore', writer: null });
  for (const other of ['Henvisning Bøgely ApS.docx', '.notes.docx.tmp', '.bindeled-letter-1.tmp', 'x.tmp'])
    expect(parseTempName(other), other).toBeNull();
});

it('removes what ended processes and earlier versions left, and nothing of a write still running', () => {
  const db = openDatabase(':memory:');
  const make = (name: string, when?: Date) => {
    fs.writeFileSync(path.join(dir, name), 'x');
    if (when) fs.utimesSync(path.join(dir, name), when, when);
  };
  const dead = deadPid();
  const running = process.ppid; // the test runner's parent: alive for the whole test
  const left = tempOf('letter', dead);
  const leftExport = tempOf('export', dead);
  const live = tempOf('letter', running);
  const liveButOld = tempOf('upload', running);
  make(left);
  make(leftExport);
  make(live);
  make(liveButOld, new Date(Date.now() - STALE_TEMP_MS - 60_000));
  make('.0123456789ab.docx.tmp'); // an earlier version's half letter, however new
  make('Henvisning Bøgely ApS.docx');
  make('.notes.docx.tmp');

  const report = sweepLeftovers(db, { folders: [dir] });
  expect(report.removed).toEqual({ letter: 2, export: 1, upload: 1 });
  expect(fs.readdirSync(dir).sort()).toEqual([live, '.notes.docx.tmp', 'Henvisning Bøgely ApS.docx'].sort());
  db.close();
});
