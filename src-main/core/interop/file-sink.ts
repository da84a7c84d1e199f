import { createHash } from 'node:crypto';
import type fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { newFileStream } from '../files/file-ops';
import { tempPathBeside } from '../files/leftovers';
import { commitStaged, discardStaged, flushFile, stageFiles } from '../files/staged-files';
import { recordWrittenFile } from '../files/written-files';

/**
 * Streams an export into a temporary file beside the target (journalled, files/staged-files.ts)
 * and renames it into place only when complete, recorded in the same step; a cancelled or failed
 * export removes the temporary file and leaves the target alone, and so does the next start after
 * a crash.
 */
export class FileSink {
  readonly temp: string;
  private readonly stream: fs.WriteStream;
  private readonly hash = createHash('sha256');
  bytes = 0;

  constructor(
    private readonly db: Database,
    readonly target: string,
  ) {
    this.temp = tempPathBeside(target, 'export');
    stageFiles(db, [this.temp]);
    try {
      this.stream = newFileStream(this.temp);
    } catch (err) {
      discardStaged(db, [this.temp]);
      throw err;
    }
  }

  async write(chunk: string | Buffer): Promise<void> {
    if (!this.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk)) await this.drained();
  }

  /**
   * Writes without waiting, for output that arrives from a stream's events (the XLSX writer's
   * deflate): false when the file's buffer is full, and the producer should await `drained()`.
   */
  push(buf: Buffer): boolean {
    this.bytes += buf.length;
    this.hash.update(buf);
    return this.stream.write(buf);
  }

  /** Resolves once the file has taken what it buffered (at once when nothing is waiting). */
  drained(): Promise<void> {
    if (!this.stream.writableNeedDrain) return Promise.resolve();
    return new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }

  /** The user chose the target, and may have agreed to replace it: the export takes that name. */
  async commit(kind: string): Promise<{ bytes: number; path: string; takenName?: string }> {
    await new Promise<void>((resolve, reject) =>
      this.stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
    flushFile(this.temp);
    const sha256 = this.hash.digest('hex');
    let written = path.resolve(this.target);
    commitStaged(
      this.db,
      [{ temp: this.temp, target: this.target, mayReplace: true }],
      () => recordWrittenFile(this.db, this.target, kind, sha256),
      // The file the user chose is open in another program (Excel): the export took the next free name.
      (_, to) => {
        written = to;
      },
    );
    return written === path.resolve(this.target)
      ? { bytes: this.bytes, path: written }
      : { bytes: this.bytes, path: written, takenName: path.basename(this.target) };
  }

  /**
   * Stops writing and removes the temporary file. Resolves once the stream has closed: its open
   * may still be queued on libuv's thread pool (busy deflating an XLSX), and a file it created
   * after an early removal would be left behind, or its open would fail once the folder is gone.
   */
  async abort(): Promise<void> {
    // Late errors of an abandoned file (its open failing, say) concern no one any more.
    this.stream.on('error', () => {});
    if (!this.stream.closed) {
      await new Promise<void>((resolve) => {
        this.stream.once('close', resolve);
        this.stream.destroy();
      });
    }
    try {
      discardStaged(this.db, [this.temp]);
    } catch {
      // A temp file that cannot be removed now is the next start's; the export already failed or was cancelled.
    }
  }
}

/** Runs `body` with a sink and guarantees the temporary file is gone unless the body committed. */
export async function withSink<T>(db: Database, target: string, body: (sink: FileSink) => Promise<T>): Promise<T> {
  const sink = new FileSink(db, target);
  try {
    return await body(sink);
  } catch (err) {
    await sink.abort();
    throw err;
  }
}
