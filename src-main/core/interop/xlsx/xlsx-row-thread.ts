import type { Worker } from 'node:worker_threads';
import type { Locale } from '../../messages';
import type { SheetWriter } from '../../ooxml/sheet-write';
import { spawnModuleWorker } from '../../threads/spawn-worker';

/** What the row thread reads and writes (xlsx-rows-worker.ts), as given to it at its start. */
export interface RowThreadInit {
  dbPath: string;
  nativeBinding?: string;
  /** The sheets, as positions in SHEETS (sheets/company-sheets.ts). */
  sheets: number[];
  companyIds: number[];
  everyFirm: boolean;
  locale: Locale;
}

/** From the row thread: a chunk's rows as encoded XML, a sheet's end, or why it stopped. */
export type FromRowThread = SheetMessage | { type: 'failed'; message: string; stack?: string };

/** What the writer takes in order: the thread's failure is not queued but ends the wait at once. */
type SheetMessage =
  | { type: 'rows'; sheet: number; chunks: Uint8Array[]; count: number; firms: number }
  | { type: 'sheet-end'; sheet: number };

/**
 * Chunks the row thread may have sent that the writer has not yet handed to deflate: enough to
 * keep both busy, few enough that memory holds a handful of batches, not a sheet.
 */
export const ROWS_AHEAD = 3;

/**
 * The writer's side of the row thread: its messages in order, and a "more" for each chunk the
 * writer has taken, so the thread never runs more than ROWS_AHEAD chunks ahead.
 */
export class RowThread {
  private readonly queue: SheetMessage[] = [];
  private waiting: { resolve: (msg: SheetMessage) => void; reject: (err: Error) => void } | undefined;
  private failure: Error | undefined;
  private ended = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (msg: FromRowThread) => {
      if (msg.type === 'failed') {
        const err = new Error(msg.message);
        if (msg.stack) err.stack = msg.stack;
        this.fail(err);
      } else if (this.waiting) {
        const { resolve } = this.waiting;
        this.waiting = undefined;
        resolve(msg);
      } else this.queue.push(msg);
    });
    worker.on('error', (err) => this.fail(err));
    worker.on('exit', (code) => {
      if (!this.ended) this.fail(new Error(`XLSX export: the row thread stopped (${code})`));
    });
  }

  static start(init: RowThreadInit): RowThread {
    return new RowThread(
      spawnModuleWorker(
        import.meta.url,
        { built: './xlsx-rows-worker.js', source: './xlsx-rows-worker.ts' },
        { workerData: init },
      ),
    );
  }

  private fail(err: Error): void {
    this.failure ??= err;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(this.failure);
  }

  private next(): Promise<SheetMessage> {
    const msg = this.queue.shift();
    if (msg) return Promise.resolve(msg);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  /** A sheet's chunks as the thread sends them, each a step that hands its rows to the sheet. */
  async *sheetSteps(sheet: number): AsyncGenerator<(out: SheetWriter) => number> {
    for (;;) {
      const msg = await this.next();
      if (msg.sheet !== sheet) throw new Error(`XLSX export: rows of sheet ${msg.sheet} during sheet ${sheet}`);
      if (msg.type === 'sheet-end') return;
      yield (out) => {
        out.addRows(
          msg.chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)),
          msg.count,
        );
        this.worker.postMessage('more');
        return msg.firms;
      };
    }
  }

  /** Ends the thread, finished or not (a cancelled or failed export). */
  async stop(): Promise<void> {
    this.ended = true;
    await this.worker.terminate();
  }
}
