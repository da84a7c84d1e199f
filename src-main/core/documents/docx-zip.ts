import zlib from 'node:zlib';

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

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** Bit 11: the entry's name is UTF-8. */
const UTF8_NAME = 0x0800;

function corrupt(what: string): Error {
  return new Error(`not a zip file Bindeled can read: ${what}`);
}

/** The entries of a zip file, in its order (from the central directory; zip64 is not needed here). */
export function readZip(buf: Buffer): ZipEntry[] {
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw corrupt('no end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw corrupt('bad central directory');
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    if (compressedSize === 0xffffffff || local === 0xffffffff) throw corrupt('zip64');
    if (method !== 0 && method !== 8) throw corrupt(`compression method ${method}`);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw corrupt('bad local header');
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
  const names = entries.map((e) => Buffer.from(e.name, 'utf8'));
  const localSize = entries.reduce((s, e, i) => s + 30 + (names[i]?.length ?? 0) + e.data.length, 0);
  const centralSize = names.reduce((s, n) => s + 46 + n.length, 0);
  const out = Buffer.alloc(localSize + centralSize + 22);
  const offsets: number[] = [];
  let p = 0;
  entries.forEach((e, i) => {
    const name = names[i] as Buffer;
    offsets.push(p);
    out.writeUInt32LE(LOCAL, p);
    out.writeUInt16LE(20, p + 4);
    out.writeUInt16LE(UTF8_NAME, p + 6);
    out.writeUInt16LE(e.method, p + 8);
    out.writeUInt16LE(e.time, p + 10);
    out.writeUInt16LE(e.date, p + 12);
    out.writeUInt32LE(e.crc >>> 0, p + 14);
    out.writeUInt32LE(e.data.length, p + 18);
    out.writeUInt32LE(e.size, p + 22);
    out.writeUInt16LE(name.length, p + 26);
    out.writeUInt16LE(0, p + 28);
    name.copy(out, p + 30);
    e.data.copy(out, p + 30 + name.length);
    p += 30 + name.length + e.data.length;
  });
  const central = p;
  entries.forEach((e, i) => {
    const name = names[i] as Buffer;
    out.writeUInt32LE(CENTRAL, p);
    out.writeUInt16LE(20, p + 4);
    out.writeUInt16LE(20, p + 6);
    out.writeUInt16LE(UTF8_NAME, p + 8);
    out.writeUInt16LE(e.method, p + 10);
    out.writeUInt16LE(e.time, p + 12);
    out.writeUInt16LE(e.date, p + 14);
    out.writeUInt32LE(e.crc >>> 0, p + 16);
    out.writeUInt32LE(e.data.length, p + 20);
    out.writeUInt32LE(e.size, p + 24);
    out.writeUInt16LE(name.length, p + 28);
    // Extra, comment, disk number, internal and external attributes: none.
    out.fill(0, p + 30, p + 42);
    out.writeUInt32LE(offsets[i] as number, p + 42);
    name.copy(out, p + 46);
    p += 46 + name.length;
  });
  out.writeUInt32LE(END, p);
  out.writeUInt16LE(0, p + 4);
  out.writeUInt16LE(0, p + 6);
  out.writeUInt16LE(entries.length, p + 8);
  out.writeUInt16LE(entries.length, p + 10);
  out.writeUInt32LE(p - central, p + 12);
  out.writeUInt32LE(central, p + 16);
  out.writeUInt16LE(0, p + 20);
  return out;
}
