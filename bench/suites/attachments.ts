import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { addAttachment } from '../../src-main/core/attachments/attachment-repo';
import { updateAttachmentSettings } from '../../src-main/core/attachments/attachment-settings';
import { createBackup } from '../../src-main/core/backup/backup';
import { openDatabase } from '../../src-main/core/db/open';
import type { Figure } from '../lib/figures';
import { measure, summarise } from '../lib/stats';
import { BENCH_DIR } from '../lib/store';

const MB = 1024 * 1024;

/** A file of fresh random bytes (never already stored, never compressible). */
function randomFile(dir: string, name: string, bytes: number): string {
  const file = path.join(dir, name);
  const fd = fs.openSync(file, 'w');
  try {
    for (let left = bytes; left > 0; left -= MB) fs.writeSync(fd, randomBytes(Math.min(MB, left)));
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

function folderBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + fs.statSync(path.join(e.parentPath, e.name)).size, 0);
}

/**
 * Attachments do not depend on the caseload's size, so they are measured once, on a database of
 * their own: adding a 20 MB file (baseline: copying it with the file system), and a backup of a
 * caseload with `totalMb` of attachments, the first (every file copied) and the next after one new
 * file (only that file copied).
 */
export async function attachmentFigures(size: number, runs: number, totalMb = 200): Promise<Figure[]> {
  const dir = path.join(BENCH_DIR, 'attachments');
  fs.rmSync(dir, { recursive: true, force: true });
  const sources = path.join(dir, 'kilder');
  fs.mkdirSync(sources, { recursive: true });
  const db = openDatabase(path.join(dir, 'bilag.db'), { beforeMigrate: null });
  try {
    const company = Number(
      db
        .prepare(
          `INSERT INTO companies(uuid, record_type, name, name_sort, status, created_at, updated_at)
           VALUES ('bench-firm', 'registered', 'Bench ApS', 'bench aps', 'identified', '2024-01-01', '2024-01-01')`,
        )
        .run().lastInsertRowid,
    );
    updateAttachmentSettings(db, { maxMb: 50 });

    // Each run adds a file of new bytes, made before the clock starts.
    const files = Array.from({ length: runs + 1 }, (_, i) => randomFile(sources, `plan-${i}.pdf`, 20 * MB));
    const add = await measure((i) => addAttachment(db, { companyId: company, source: files[i + 1] as string }), {
      runs,
      warmup: 0,
    });
    const copyTarget = path.join(dir, 'kopi.bin');
    const copy = await measure(
      (i) => {
        fs.rmSync(copyTarget, { force: true });
        fs.copyFileSync(files[Math.max(0, i)] as string, copyTarget);
        const fd = fs.openSync(copyTarget, 'r+');
        fs.fsyncSync(fd);
        fs.closeSync(fd);
      },
      { runs, warmup: 1 },
    );

    // Fill up to `totalMb` of attachments in 5 MB files.
    const stored = folderBytes(path.join(dir, 'attachments'));
    for (let i = 0; stored + i * 5 * MB < totalMb * MB; i++) {
      addAttachment(db, { companyId: company, source: randomFile(sources, `tilbud-${i}.pdf`, 5 * MB) });
    }
    fs.rmSync(sources, { recursive: true, force: true });
    fs.mkdirSync(sources);
    const attachedMb = folderBytes(path.join(dir, 'attachments')) / MB;

    const t0 = performance.now();
    await createBackup(db, path.join(dir, 'bilag.db'), 'manual');
    const full = performance.now() - t0;
    const afterFull = folderBytes(path.join(dir, 'backups', 'attachments'));

    const incremental: number[] = [];
    let copiedPerBackup = 0;
    for (let i = 0; i < Math.min(runs, 5); i++) {
      addAttachment(db, { companyId: company, source: randomFile(sources, `nyt-${i}.pdf`, 1 * MB) });
      const before = folderBytes(path.join(dir, 'backups', 'attachments'));
      const t1 = performance.now();
      await createBackup(db, path.join(dir, 'bilag.db'), 'manual', { now: new Date(Date.now() + (i + 1) * 1000) });
      incremental.push(performance.now() - t1);
      copiedPerBackup = folderBytes(path.join(dir, 'backups', 'attachments')) - before;
    }
    const fullTiming = summarise([full]);
    const incTiming = summarise(incremental);
    const perGbFull = (full / attachedMb) * 1024;
    return [
      {
        size,
        name: 'add a 20 MB attachment (hash, copy, fsync, record)',
        timing: add,
        baseline: { name: 'copy 20 MB + fsync', timing: copy },
        target: { ms: 500 },
      },
      {
        size,
        name: `first backup with ${attachedMb.toFixed(0)} MB of attachments`,
        timing: fullTiming,
        extra: `${(afterFull / MB).toFixed(0)} MB of files copied; at this rate 1 GB ≈ ${(perGbFull / 1000).toFixed(1)} s`,
      },
      {
        size,
        name: `next backup after one new 1 MB attachment (${attachedMb.toFixed(0)} MB attached)`,
        timing: incTiming,
        baseline: { name: 'first backup', timing: fullTiming },
        extra: `${(copiedPerBackup / MB).toFixed(1)} MB copied per backup: only the new file`,
      },
    ];
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
