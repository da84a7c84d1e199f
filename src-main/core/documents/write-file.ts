import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { recordAudit } from '../audit/audit-log';
import { DomainError } from '../errors';
import { writeNewFile } from '../files/file-ops';
import { tempPathIn } from '../files/leftovers';
import { fitStem, safeFileName, uniquePath } from '../files/safe-file-name';
import { commitStaged, discardStaged, flushFile, stageFiles } from '../files/staged-files';
import { recordWrittenFile } from '../files/written-files';
import { currentActor } from '../settings/settings-repo';
import { relocateDocument } from './document-repo';

/** Makes sure the folder exists and can be written, with a message the user can act on. */
export function prepareFolder(folder: string): string {
  const dir = path.resolve(folder);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    if (!fs.statSync(dir).isDirectory()) throw new Error('not a folder');
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new DomainError('invalid_input', 'doc.folderUnwritable', { path: dir, reason });
  }
  return dir;
}

export interface WrittenFile {
  path: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
}

/** The name a document of this stem gets in `dir` when nothing has it yet (short enough for Word to open). */
export function wantedFileName(dir: string, stem: string, ext = 'docx'): string {
  return `${fitStem(dir, safeFileName(stem, 'dokument'), `.${ext}`)}.${ext}`;
}

/** A free name for the document in `dir` (never over an existing file), made safe for every OS. */
function targetPath(dir: string, stem: string, ext: string, taken: ReadonlySet<string>): string {
  const target = uniquePath(dir, wantedFileName(dir, stem, ext), taken);
  if (path.dirname(path.resolve(target)) !== path.resolve(dir)) {
    throw new DomainError('forbidden', 'doc.folderUnwritable', { path: dir, reason: 'outside folder' });
  }
  return target;
}

/**
 * The files of one or more documents and their records, all or nothing, whenever a crash comes
 * (files/staged-files.ts). The temporary names are entered in the journal first; each letter is
 * written to its temporary file as it is made, unsynced; at the end all are flushed together (the
 * system groups the flushes, where one sync per letter costs a disk round trip each), given
 * free names, recorded with their renames in one transaction, renamed, and the folder synced once.
 * Killed before that transaction, a batch leaves no letter and no record (the next start removes
 * its temporary files); killed after it, the next start finishes the renames.
 */
export class BatchFiles {
  private readonly temps: string[];
  private readonly written: Array<{
    temp: string;
    stem: string;
    ext: string;
    /** A companion (the letter's e-mail draft) takes the name its letter gets, with its own extension. */
    beside: boolean;
    sha256: string;
    sizeBytes: number;
  }> = [];

  constructor(
    private readonly db: Database,
    private readonly dir: string,
    size: number,
  ) {
    this.temps = Array.from({ length: size }, () => tempPathIn(dir, 'letter'));
    stageFiles(db, this.temps);
  }

  get count(): number {
    return this.written.length;
  }

  add(stem: string, bytes: Buffer, ext = 'docx'): void {
    this.push(stem, bytes, ext, false);
  }

  /** A file named after the one added before it: "… (2).eml" beside its "… (2).docx". */
  addBeside(bytes: Buffer, ext: string): void {
    this.push('', bytes, ext, true);
  }

  private push(stem: string, bytes: Buffer, ext: string, beside: boolean): void {
    const temp = this.temps[this.written.length];
    if (temp === undefined) throw new Error('more letters than the batch was made for');
    this.written.push({
      temp,
      stem,
      ext,
      beside,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      sizeBytes: bytes.length,
    });
    writeNewFile(temp, bytes);
  }

  /** Flushes every file to disk, all at once. */
  async flush(): Promise<void> {
    await Promise.all(
      this.written.map(async ({ temp }) => {
        const handle = await fs.promises.open(temp, 'r+');
        try {
          await handle.datasync();
        } finally {
          await handle.close();
        }
      }),
    );
  }

  flushSync(): void {
    for (const { temp } of this.written) flushFile(temp);
  }

  /**
   * Gives each flushed file a free name (never over an existing file; two firms of the same name
   * get "… (2)"), runs `record` with them in the transaction that promises the renames, renames.
   */
  commit<T>(record: (files: WrittenFile[]) => T): T {
    const taken = new Set<string>();
    let previous = '';
    const files = this.written.map((w) => {
      const stem = w.beside ? path.basename(previous, path.extname(previous)) : w.stem;
      const target = path.resolve(targetPath(this.dir, stem, w.ext, taken));
      taken.add(target.toLowerCase());
      if (!w.beside) previous = target;
      return { ...w, target };
    });
    return commitStaged(
      this.db,
      files.map((f) => ({ temp: f.temp, target: f.target, mayReplace: false })),
      () =>
        record(
          files.map((f) => ({
            path: f.target,
            fileName: path.basename(f.target),
            sha256: f.sha256,
            sizeBytes: f.sizeBytes,
          })),
        ),
      (from, to) => relocateDocument(this.db, from, to),
    );
  }

  /** Removes the files of a batch that was not committed. */
  discard(): void {
    discardStaged(this.db, this.temps);
  }
}

/** One document written crash-safely into `dir` and recorded by `record` in the same step (see BatchFiles). */
export function writeDocumentFile<T>(
  db: Database,
  dir: string,
  stem: string,
  bytes: Buffer,
  record: (file: WrittenFile) => T,
): T {
  const files = new BatchFiles(db, dir, 1);
  try {
    files.add(stem, bytes);
    files.flushSync();
    return files.commit((written) => record(written[0] as WrittenFile));
  } catch (err) {
    files.discard();
    throw err;
  }
}

/** The audit log's name for each copy a letter may have beside it. */
const COPY_FIELD = { 'email-draft': 'emailDraft', pdf: 'pdf' } as const;

/**
 * Records a copy of a letter (its e-mail draft or its PDF) as a file Bindeled wrote, so it may be
 * opened and an erasure finds it, and notes it in the letter's history.
 */
export function recordLetterCopy(
  db: Database,
  doc: { id: number; companyId: number },
  file: WrittenFile,
  copy: keyof typeof COPY_FIELD,
): void {
  recordWrittenFile(db, file.path, copy, file.sha256);
  recordAudit(db, {
    actor: currentActor(db),
    entity: 'document',
    entityId: doc.id,
    companyId: doc.companyId,
    action: 'create',
    after: { [COPY_FIELD[copy]]: file.path, sha256: file.sha256 },
  });
}
