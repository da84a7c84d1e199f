import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/open';
import { ChunkWriter } from '../../ooxml/zip-write';
import { SHEETS } from '../sheets/company-sheets';
import { columnRefs, type RowXmlOut, sheetChunks, writeRowsXml } from './xlsx-export';
import { type FromRowThread, ROWS_AHEAD, type RowThreadInit } from './xlsx-row-thread';

/**
 * The XLSX export's row thread (xlsx-export.ts): reads each sheet's rows on a read-only
 * connection of its own, in one read transaction (the database as it was when the export began),
 * writes them as XML encoded into megabyte buffers and hands those to the writer's thread, which
 * deflates them into the file.
 */

if (!parentPort) throw new Error('xlsx-rows-worker: not started as a worker thread');
const port = parentPort;
const init = workerData as RowThreadInit;

let credits = ROWS_AHEAD;
let wake: (() => void) | undefined;
port.on('message', () => {
  credits++;
  wake?.();
  wake = undefined;
});

/**
 * A chunk whose memory can be handed over instead of copied: the sheet writer's buffers (a fresh
 * one after each flush) and large values have memory of their own, larger than Node's pool of
 * small buffers; anything else is copied.
 */
function owned(chunk: Buffer): Uint8Array {
  if (chunk.byteOffset === 0 && chunk.buffer.byteLength > Buffer.poolSize) return chunk;
  const copy = new Uint8Array(chunk.byteLength);
  copy.set(chunk);
  return copy;
}

/** One sheet's rows after its header (the writer writes row 1), collected as encoded chunks. */
class PostedRows implements RowXmlOut {
  private row = 1;
  count = 0;
  readonly chunks: Uint8Array[] = [];
  private readonly out = new ChunkWriter({ push: (chunk) => this.chunks.push(owned(chunk)) });

  nextRow(): number {
    this.count++;
    return ++this.row;
  }

  add(xml: string): void {
    this.out.add(xml);
  }

  addBytes(bytes: Buffer): void {
    this.out.addBytes(bytes);
  }

  /** The chunks and rows since the last take. */
  take(): { chunks: Uint8Array[]; count: number } {
    this.out.flush();
    const taken = { chunks: this.chunks.splice(0), count: this.count };
    this.count = 0;
    return taken;
  }
}

async function send(msg: FromRowThread): Promise<void> {
  if (msg.type === 'rows') {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    // Handed over, not copied: each chunk's memory is its own (owned).
    port.postMessage(
      msg,
      msg.chunks.map((c) => c.buffer as ArrayBuffer),
    );
  } else port.postMessage(msg);
}

async function main(): Promise<void> {
  const db = openDatabase(init.dbPath, { readonly: true, nativeBinding: init.nativeBinding });
  try {
    db.exec('BEGIN');
    for (const sheet of init.sheets) {
      const spec = SHEETS[sheet];
      if (!spec) throw new Error(`XLSX export: no sheet ${sheet}`);
      const refs = columnRefs(spec.columns);
      const rows = new PostedRows();
      for (const chunk of sheetChunks(db, spec, init.companyIds, init.everyFirm, init.locale)) {
        writeRowsXml(rows, spec.columns, refs, chunk.rows);
        const firms = chunk.done();
        await send({ type: 'rows', sheet, ...rows.take(), firms });
      }
      await send({ type: 'sheet-end', sheet });
    }
    db.exec('COMMIT');
  } finally {
    db.close();
  }
}

// Done or failed, nothing more comes from the writer: the thread may end (the writer ends it too).
main().then(
  () => port.unref(),
  (err: unknown) => {
    port.postMessage({
      type: 'failed',
      message: err instanceof Error ? err.message : String(err),
      stack: err instanceof Error ? err.stack : undefined,
    } satisfies FromRowThread);
    port.unref();
  },
);
