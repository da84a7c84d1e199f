import zlib from 'node:zlib';
import {
  centralHeaderSize,
  END_RECORD_SIZE,
  localHeaderSize,
  writeCentralHeader,
  writeEndRecord,
  writeLocalHeader,
  ZIP_FLAG_DESCRIPTOR,
  ZIP_FLAG_UTF8,
  type ZipRecord,
} from '../../files/zip-records';
import type { FileSink } from '../file-sink';

/**
 * A streaming zip writer for the XLSX export: small parts are deflated in one go, sheets are
 * deflated as they are produced (the sizes and CRC follow the data in a data descriptor, as
 * exceljs's archiver does), so no part is ever held whole in memory.
 *
 * Plain zip, not ZIP64: every offset and size must stay under 4 GB. The largest workbook the
 * benchmark asks for (100,000 firms with every visit's notes) is about 0.3 GB packed and 1 GB unpacked in
 * its largest sheet; past the limit the export fails with a clear error instead of a broken file.
 */
const LIMIT = 0xffffffff;
const DEFLATE = 8;

interface Entry {
  name: Buffer;
  flags: number;
  crc: number;
  packed: number;
  size: number;
  offset: number;
}

function dosStamp(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(d.getFullYear() - 1980, 0) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

function checkLimit(value: number, what: string): void {
  if (value > LIMIT) throw new Error(`XLSX export: ${what} passes 4 GB, which needs ZIP64 (not written)`);
}

export class ZipWriter {
  private readonly entries: Entry[] = [];
  private readonly stamp = dosStamp(new Date());

  constructor(
    private readonly sink: FileSink,
    /** Deflate level: 1–3 cost a fraction of 6's CPU on spreadsheet XML for a slightly larger file. */
    private readonly level: number,
  ) {}

  private record(e: Entry): ZipRecord {
    return { ...e, method: DEFLATE, time: this.stamp.time, date: this.stamp.date };
  }

  private localHeader(e: Entry): Buffer {
    const r = this.record(e);
    const h = Buffer.alloc(localHeaderSize(r));
    writeLocalHeader(h, 0, r);
    return h;
  }

  /** A small part (workbook, styles, relations): deflated at once, sizes in its header. */
  async addFile(name: string, text: string): Promise<void> {
    const data = Buffer.from(text, 'utf8');
    const packed = zlib.deflateRawSync(data, { level: this.level });
    const entry: Entry = {
      name: Buffer.from(name, 'utf8'),
      flags: ZIP_FLAG_UTF8,
      crc: zlib.crc32(data),
      packed: packed.length,
      size: data.length,
      offset: this.sink.bytes,
    };
    checkLimit(entry.offset, 'the file');
    await this.sink.write(this.localHeader(entry));
    await this.sink.write(packed);
    this.entries.push(entry);
  }

  /** A large part (a sheet), written chunk by chunk; close it before the next entry starts. */
  async openEntry(name: string): Promise<ZipEntryStream> {
    const entry: Entry = {
      name: Buffer.from(name, 'utf8'),
      flags: ZIP_FLAG_UTF8 | ZIP_FLAG_DESCRIPTOR,
      crc: 0,
      packed: 0,
      size: 0,
      offset: this.sink.bytes,
    };
    checkLimit(entry.offset, 'the file');
    await this.sink.write(this.localHeader(entry));
    this.entries.push(entry);
    return new ZipEntryStream(this.sink, entry, this.level);
  }

  /** The central directory and its end record: without them no reader finds the parts. */
  async finish(): Promise<void> {
    const start = this.sink.bytes;
    const records = this.entries.map((e) => this.record(e));
    const size = records.reduce((s, r) => s + centralHeaderSize(r), 0);
    checkLimit(start + size, 'the file');
    const out = Buffer.alloc(size + END_RECORD_SIZE);
    let p = 0;
    records.forEach((r, i) => {
      p = writeCentralHeader(out, p, r, (this.entries[i] as Entry).offset);
    });
    writeEndRecord(out, p, records.length, size, start);
    await this.sink.write(out);
  }
}

/**
 * One streamed part. `push` hands a chunk to zlib, which deflates it on libuv's thread pool;
 * `settle` (between batches) waits for the batch before the last, so the next batch's XML is
 * built while this one is compressed: on two cores that overlap is much of the gain.
 */
export class ZipEntryStream {
  private readonly deflate: zlib.DeflateRaw;
  private lastWrite: Promise<void> = Promise.resolve();
  private inFlight: Promise<void> = Promise.resolve();
  private failed: Error | undefined;

  constructor(
    private readonly sink: FileSink,
    private readonly entry: Entry,
    level: number,
  ) {
    this.deflate = zlib.createDeflateRaw({ level, memLevel: 9, chunkSize: 256 * 1024 });
    this.deflate.on('data', (chunk: Buffer) => {
      this.entry.packed += chunk.length;
      this.sink.push(chunk);
    });
    this.deflate.on('error', (err) => {
      this.failed = err;
    });
  }

  /** Queues a chunk (zlib keeps it until deflated: the caller must not reuse the buffer). */
  push(chunk: Buffer): void {
    if (this.failed) throw this.failed;
    this.entry.crc = zlib.crc32(chunk, this.entry.crc);
    this.entry.size += chunk.length;
    checkLimit(this.entry.size, `the part ${this.entry.name.toString()}`);
    // Never rejects (a failure is kept for the next call), so a cancel between batches leaves no
    // unhandled rejection behind.
    this.lastWrite = new Promise<void>((resolve) =>
      this.deflate.write(chunk, (err) => {
        if (err) this.failed = err;
        resolve();
      }),
    );
  }

  /** Waits until at most one batch is still being deflated and the file has taken the output. */
  async settle(): Promise<void> {
    const previous = this.inFlight;
    this.inFlight = this.lastWrite;
    await previous;
    if (this.failed) throw this.failed;
    await this.sink.drained();
  }

  /** Flushes the deflate stream and writes the data descriptor (CRC and both sizes). */
  async close(): Promise<void> {
    await this.lastWrite;
    if (this.failed) throw this.failed;
    await new Promise<void>((resolve, reject) => {
      this.deflate.once('end', resolve);
      this.deflate.once('error', reject);
      this.deflate.end();
    });
    checkLimit(this.entry.packed, `the part ${this.entry.name.toString()}`);
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(this.entry.crc, 4);
    d.writeUInt32LE(this.entry.packed, 8);
    d.writeUInt32LE(this.entry.size, 12);
    await this.sink.write(d);
  }

  /** A cancelled or failed export: stop deflating; the sink removes the temporary file. */
  destroy(): void {
    this.deflate.destroy();
  }
}

/**
 * Collects a batch's XML as UTF-8 in buffers of about a megabyte, row by row. Joining a batch
 * into one string first made V8 flatten a rope of millions of pieces (a fifth of the export).
 */
export class ChunkWriter {
  private static readonly SIZE = 1 << 20;
  private buf = Buffer.allocUnsafe(ChunkWriter.SIZE);
  private pos = 0;

  constructor(private readonly entry: ZipEntryStream) {}

  add(text: string): void {
    // A UTF-16 unit takes at most 3 bytes in UTF-8.
    if (this.pos + text.length * 3 > ChunkWriter.SIZE) {
      this.flush();
      if (text.length * 3 > ChunkWriter.SIZE) {
        this.entry.push(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.pos += this.buf.write(text, this.pos, 'utf8');
  }

  /** Hands what is collected to deflate; a fresh buffer follows, as zlib still holds this one. */
  flush(): void {
    if (this.pos === 0) return;
    this.entry.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(ChunkWriter.SIZE);
    this.pos = 0;
  }
}
