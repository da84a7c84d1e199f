import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../../../src-main/core/errors';
import {
  type FileOp,
  flushFile,
  removeFile,
  renameFile,
  setFileFaults,
  setRetryPolicy,
  writeNewFile,
} from '../../../../src-main/core/files/file-ops';
import { message } from '../../../../src-main/core/messages';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindeled-file-ops-'));
  setRetryPolicy({ maxWaitMs: 20, firstStepMs: 1, maxStepMs: 4 });
});
afterEach(() => {
  setFileFaults(undefined);
  setRetryPolicy(undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

const err = (code: string) => Object.assign(new Error(code), { code });

/** Refuses `op` on any file `times` times with `code`, recording every attempt. */
function refuse(op: FileOp, code: string, times: number): FileOp[] {
  const attempts: FileOp[] = [];
  let left = times;
  setFileFaults((o) => {
    attempts.push(o);
    if (o !== op || left === 0) return undefined;
    left--;
    return err(code);
  });
  return attempts;
}

describe('the file layer on a file Windows holds for a moment', () => {
  it.each(['EPERM', 'EBUSY', 'EACCES'])('retries a rename refused with %s until it goes through', (code) => {
    writeNewFile(path.join(dir, 'a.tmp'), 'brev');
    const attempts = refuse('rename', code, 3);
    renameFile(path.join(dir, 'a.tmp'), path.join(dir, 'Brev til Ærø ApS.docx'));
    expect(attempts.filter((o) => o === 'rename')).toHaveLength(4);
    expect(fs.readFileSync(path.join(dir, 'Brev til Ærø ApS.docx'), 'utf8')).toBe('brev');
  });

  it('retries the open of a new file and the removal of a temporary one', () => {
    refuse('open', 'EBUSY', 2);
    writeNewFile(path.join(dir, 'b.tmp'), 'x');
    refuse('remove', 'EPERM', 2);
    removeFile(path.join(dir, 'b.tmp'));
    expect(fs.existsSync(path.join(dir, 'b.tmp'))).toBe(false);
  });

  it('gives up with a Danish message naming the file when it stays held, and leaves both files as they were', () => {
    writeNewFile(path.join(dir, 'c.tmp'), 'ny');
    writeNewFile(path.join(dir, 'Rapport.xlsx'), 'gammel');
    refuse('rename', 'EBUSY', Number.POSITIVE_INFINITY);
    let thrown: unknown;
    try {
      renameFile(path.join(dir, 'c.tmp'), path.join(dir, 'Rapport.xlsx'));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    const e = thrown as DomainError;
    expect(e.key).toBe('file.locked');
    expect(message(e.key, e.params)).toBe(
      `Filen ${path.join(dir, 'Rapport.xlsx')} bruges af et andet program (måske Word, Excel, et antivirusprogram eller OneDrive). Luk den dér, og prøv igen.`,
    );
    expect(fs.readFileSync(path.join(dir, 'Rapport.xlsx'), 'utf8')).toBe('gammel');
    expect(fs.readFileSync(path.join(dir, 'c.tmp'), 'utf8')).toBe('ny');
  });

  it('passes other errors through at once: waiting does not free a full disk', () => {
    writeNewFile(path.join(dir, 'd.tmp'), 'x');
    const attempts = refuse('flush', 'ENOSPC', 1);
    expect(() => flushFile(path.join(dir, 'd.tmp'))).toThrow('ENOSPC');
    expect(attempts.filter((o) => o === 'flush')).toHaveLength(1);
  });

  it('never writes over an existing file when it makes a new one', () => {
    writeNewFile(path.join(dir, 'e.docx'), 'første');
    expect(() => writeNewFile(path.join(dir, 'e.docx'), 'anden')).toThrow(/EEXIST/);
    expect(fs.readFileSync(path.join(dir, 'e.docx'), 'utf8')).toBe('første');
  });
});
