import type fs from 'node:fs';
import zlib from 'node:zlib';
import { newFileStream } from '../files/file-ops';
import type { ZipPart } from './zip-read';

/**
 * The one zip writer, in two forms: a letter as one buffer (zipParts: the parts that are the same
 * in every letter keep their compressed bytes), and a workbook streamed (ZipWriter: small parts
 * deflated in one go, sheets deflated as they are produced with the sizes and CRC in a data
 * descriptor after the data, as exceljs's archiver does, so no part is ever held whole).
 *
 * Plain zip with UTF-8 names, version 2.0, not ZIP64: every offset and size must stay under 4 GB.
 * A 100,000-firm workbook with every visit's notes stays well inside that; past the limit the
 * export fails with a clear error instead of a broken file.
 */
const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;
const ZIP_DESCRIPTOR = 0x08074b50;
/** Bit 3: sizes and CRC follow the data in a data descriptor. */
const FLAG_DESCRIPTOR = 0x0008;
/** Bit 11: the entry's name is UTF-8. */
const FLAG_UTF8 = 0x0800;
const VERSION = 20;
const DEFLATE = 8;
const LIMIT = 0xffffffff;

/** What the local header and the central directory entry of one part both say. */
interface ZipRecord {
  name: Buffer;
  flags: number;
  /** 0 stored, 8 deflated. */
  method: number;
  time: number;
  date: number;
  crc: number;
  /** Bytes as stored in the zip. */
  packed: number;
  /** Bytes once inflated. */
  size: number;
}

const localHeaderSize = (r: ZipRecord) => 30 + r.name.length;
const centralHeaderSize = (r: ZipRecord) => 46 + r.name.length;
const END_RECORD_SIZE = 22;

/** Writes the local header and name at `at`; returns where the part's data starts. */
function writeLocalHeader(out: Buffer, at: number, r: ZipRecord): number {
  // With a data descriptor the CRC and sizes are zero here and written after the data.
  const later = (r.flags & FLAG_DESCRIPTOR) !== 0;
  out.writeUInt32LE(ZIP_LOCAL, at);
  out.writeUInt16LE(VERSION, at + 4);
  out.writeUInt16LE(r.flags, at + 6);
  out.writeUInt16LE(r.method, at + 8);
  out.writeUInt16LE(r.time, at + 10);
  out.writeUInt16LE(r.date, at + 12);
  out.writeUInt32LE(later ? 0 : r.crc >>> 0, at + 14);
  out.writeUInt32LE(later ? 0 : r.packed, at + 18);
  out.writeUInt32LE(later ? 0 : r.size, at + 22);
  out.writeUInt16LE(r.name.length, at + 26);
  out.writeUInt16LE(0, at + 28);
  r.name.copy(out, at + 30);
  return at + localHeaderSize(r);
}

/** Writes the central directory entry of a part whose local header is at `offset`. */
function writeCentralHeader(out: Buffer, at: number, r: ZipRecord, offset: number): number {
  out.writeUInt32LE(ZIP_CENTRAL, at);
  out.writeUInt16LE(VERSION, at + 4);
  out.writeUInt16LE(VERSION, at + 6);
  out.writeUInt16LE(r.flags, at + 8);
  out.writeUInt16LE(r.method, at + 10);
  out.writeUInt16LE(r.time, at + 12);
  out.writeUInt16LE(r.date, at + 14);
  out.writeUInt32LE(r.crc >>> 0, at + 16);
  out.writeUInt32LE(r.packed, at + 20);
  out.writeUInt32LE(r.size, at + 24);
  out.writeUInt16LE(r.name.length, at + 28);
  // Extra, comment, disk number, internal and external attributes: none.
  out.fill(0, at + 30, at + 42);
  out.writeUInt32LE(offset, at + 42);
  r.name.copy(out, at + 46);
  return at + centralHeaderSize(r);
}

/**
 * Writes the central directory of `records` (their local headers at `offsets`) and its end record
 * at `at` in `out`, which is `start` in the file.
 */
function writeDirectory(
  out: Buffer,
  at: number,
  start: number,
  records: readonly ZipRecord[],
  offsets: readonly number[],
): void {
  let p = at;
  records.forEach((r, i) => {
    p = writeCentralHeader(out, p, r, offsets[i] as number);
  });
  out.writeUInt32LE(ZIP_END, p);
  out.writeUInt16LE(0, p + 4);
  out.writeUInt16LE(0, p + 6);
  out.writeUInt16LE(records.length, p + 8);
  out.writeUInt16LE(records.length, p + 10);
  out.writeUInt32LE(p - at, p + 12);
  out.writeUInt32LE(start, p + 16);
  out.writeUInt16LE(0, p + 20);
}

/** The part with new content, deflated, under the same name and date. */
export function deflatedPart(part: ZipPart, content: Buffer): ZipPart {
  return {
    ...part,
    method: DEFLATE,
    crc: zlib.crc32(content),
    data: zlib.deflateRawSync(content),
    size: content.length,
  };
}

/** A zip file of the parts, in their order, in one buffer. */
export function zipParts(parts: readonly ZipPart[]): Buffer {
  const records: ZipRecord[] = parts.map((e) => ({
    name: Buffer.from(e.name, 'utf8'),
    flags: FLAG_UTF8,
    method: e.method,
    time: e.time,
    date: e.date,
    crc: e.crc,
    packed: e.data.length,
    size: e.size,
  }));
  const localSize = records.reduce((s, r, i) => s + localHeaderSize(r) + (parts[i] as ZipPart).data.length, 0);
  const centralSize = records.reduce((s, r) => s + centralHeaderSize(r), 0);
  const out = Buffer.alloc(localSize + centralSize + END_RECORD_SIZE);
  const offsets: number[] = [];
  let p = 0;
  records.forEach((r, i) => {
    offsets.push(p);
    p = writeLocalHeader(out, p, r);
    p += (parts[i] as ZipPart).data.copy(out, p);
  });
  writeDirectory(out, p, p, records, offsets);
  return out;
}

/** Where a streamed zip goes: the export's journalled file (interop/file-sink.ts) or a FileStream. */
export interface ZipSink {
  /** Bytes taken so far: the next part's offset. */
  readonly bytes: number;
  write(chunk: Buffer): Promise<void>;
  /** Writes without waiting (output arriving from deflate's events); false when the file's buffer is full. */
  push(chunk: Buffer): boolean;
  /** Resolves once the file has taken what it buffered. */
  drained(): Promise<void>;
}

/**
 * A ZipSink over a file the caller has staged and will rename. A write error is kept and given
 * to the next wait (drained, end), never thrown from deflate's events.
 */
export class FileStream implements ZipSink {
  bytes = 0;
  private readonly stream: fs.WriteStream;
  private failed: Error | undefined;

  constructor(file: string) {
    this.stream = newFileStream(file);
    this.stream.on('error', (err) => {
      this.failed ??= err;
    });
  }

  push(chunk: Buffer): boolean {
    if (this.failed) return true;
    this.bytes += chunk.length;
    return this.stream.write(chunk);
  }

  async write(chunk: Buffer): Promise<void> {
    if (!this.push(chunk)) await this.drained();
  }

  drained(): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    if (!this.stream.writableNeedDrain) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const done = () => {
        this.stream.off('drain', done);
        this.stream.off('close', done);
        if (this.failed) reject(this.failed);
        else resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('close', done);
    });
  }

  /** Writes what is buffered and closes the file. */
  async end(): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      this.stream.end((err?: Error | null) => (this.failed || err ? reject(this.failed ?? err) : resolve())),
    );
  }

  /** Stops writing; resolves once the file is closed, so the caller may remove it. */
  async abort(): Promise<void> {
    if (this.stream.closed) return;
    await new Promise<void>((resolve) => {
      this.stream.once('close', resolve);
      this.stream.destroy();
    });
  }
}

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
    private readonly sink: ZipSink,
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
      flags: FLAG_UTF8,
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
      flags: FLAG_UTF8 | FLAG_DESCRIPTOR,
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
    writeDirectory(
      out,
      0,
      start,
      records,
      this.entries.map((e) => e.offset),
    );
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
    private readonly sink: ZipSink,
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
    d.writeUInt32LE(ZIP_DESCRIPTOR, 0);
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

  /** `entry` takes each full buffer: a zip part's deflate, or the row thread's post to the writer. */
  constructor(private readonly entry: Pick<ZipEntryStream, 'push'>) {}

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

  /** Bytes already encoded; zlib keeps a large one as it is until deflated. */
  addBytes(bytes: Buffer): void {
    if (this.pos + bytes.length > ChunkWriter.SIZE) {
      this.flush();
      if (bytes.length > ChunkWriter.SIZE) {
        this.entry.push(bytes);
        return;
      }
    }
    this.pos += bytes.copy(this.buf, this.pos);
  }

  /** Hands what is collected to deflate; a fresh buffer follows, as zlib still holds this one. */
  flush(): void {
    if (this.pos === 0) return;
    this.entry.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(ChunkWriter.SIZE);
    this.pos = 0;
  }
}
