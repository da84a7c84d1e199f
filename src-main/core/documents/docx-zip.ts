import zlib from 'node:zlib';
import {
  centralHeaderSize,
  END_RECORD_SIZE,
  localHeaderSize,
  writeCentralHeader,
  writeEndRecord,
  writeLocalHeader,
  ZIP_CENTRAL,
  ZIP_END,
  ZIP_FLAG_UTF8,
  ZIP_LOCAL,
  type ZipRecord,
} from '../files/zip-records';

/**
 * Just enough of the zip format to write many .docx files from one template: read the entries of
 * a zip `docx` wrote, keep the compressed bytes of the parts that are the same in every letter,
 * and deflate only the parts that differ. Re-zipping the whole package per letter (as
 * patchDocument does) compresses ~25 parts where one or two changed.
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  /** The entry's bytes as stored in the zip (compressed when method is 8). */
  data: Buffer;
  size: number;
  time: number;
  date: number;
}

function corrupt(what: string): Error {
  return new Error(`not a zip file Bindeled can read: ${what}`);
}

/** The entries of a zip file, in its order (from the central directory; zip64 is not needed here). */
export function readZip(buf: Buffer): ZipEntry[] {
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw corrupt('no end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== ZIP_CENTRAL) throw corrupt('bad central directory');
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    if (compressedSize === 0xffffffff || local === 0xffffffff) throw corrupt('zip64');
    if (method !== 0 && method !== 8) throw corrupt(`compression method ${method}`);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== ZIP_LOCAL) throw corrupt('bad local header');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressedSize > buf.length) throw corrupt('entry past the end');
    entries.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
      method,
      crc: buf.readUInt32LE(p + 16),
      data: buf.subarray(start, start + compressedSize),
      size,
      time: buf.readUInt16LE(p + 12),
      date: buf.readUInt16LE(p + 14),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's uncompressed bytes. */
export function entryBytes(entry: ZipEntry): Buffer {
  return entry.method === 0 ? entry.data : zlib.inflateRawSync(entry.data);
}

/** The entry with new content, deflated, under the same name and date. */
export function withContent(entry: ZipEntry, content: Buffer): ZipEntry {
  return { ...entry, method: 8, crc: zlib.crc32(content), data: zlib.deflateRawSync(content), size: content.length };
}

/** A zip file of the entries, in their order. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const records: ZipRecord[] = entries.map((e) => ({
    name: Buffer.from(e.name, 'utf8'),
    flags: ZIP_FLAG_UTF8,
    method: e.method,
    time: e.time,
    date: e.date,
    crc: e.crc,
    packed: e.data.length,
    size: e.size,
  }));
  const localSize = records.reduce((s, r, i) => s + localHeaderSize(r) + (entries[i] as ZipEntry).data.length, 0);
  const centralSize = records.reduce((s, r) => s + centralHeaderSize(r), 0);
  const out = Buffer.alloc(localSize + centralSize + END_RECORD_SIZE);
  const offsets: number[] = [];
  let p = 0;
  records.forEach((r, i) => {
    offsets.push(p);
    p = writeLocalHeader(out, p, r);
    p += (entries[i] as ZipEntry).data.copy(out, p);
  });
  const central = p;
  records.forEach((r, i) => {
    p = writeCentralHeader(out, p, r, offsets[i] as number);
  });
  writeEndRecord(out, p, records.length, p - central, central);
  return out;
}
