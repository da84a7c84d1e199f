/**
 * The three zip records Bindeled writes (local header, central directory entry, end record), for
 * the letters (documents/docx-zip.ts, one buffer per letter) and the XLSX export
 * (interop/xlsx/zip-writer.ts, streamed). Plain zip with UTF-8 names, version 2.0; no ZIP64.
 */
export const ZIP_LOCAL = 0x04034b50;
export const ZIP_CENTRAL = 0x02014b50;
export const ZIP_END = 0x06054b50;
/** Bit 3: sizes and CRC follow the data in a data descriptor. */
export const ZIP_FLAG_DESCRIPTOR = 0x0008;
/** Bit 11: the entry's name is UTF-8. */
export const ZIP_FLAG_UTF8 = 0x0800;
const VERSION = 20;

/** What the local header and the central directory entry of one part both say. */
export interface ZipRecord {
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

export const localHeaderSize = (r: ZipRecord) => 30 + r.name.length;
export const centralHeaderSize = (r: ZipRecord) => 46 + r.name.length;
export const END_RECORD_SIZE = 22;

/** Writes the local header and name at `at`; returns where the part's data starts. */
export function writeLocalHeader(out: Buffer, at: number, r: ZipRecord): number {
  // With a data descriptor the CRC and sizes are zero here and written after the data.
  const later = (r.flags & ZIP_FLAG_DESCRIPTOR) !== 0;
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
export function writeCentralHeader(out: Buffer, at: number, r: ZipRecord, offset: number): number {
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

/** Writes the end record after a central directory of `count` entries. */
export function writeEndRecord(out: Buffer, at: number, count: number, directorySize: number, directoryStart: number) {
  out.writeUInt32LE(ZIP_END, at);
  out.writeUInt16LE(0, at + 4);
  out.writeUInt16LE(0, at + 6);
  out.writeUInt16LE(count, at + 8);
  out.writeUInt16LE(count, at + 10);
  out.writeUInt32LE(directorySize, at + 12);
  out.writeUInt32LE(directoryStart, at + 16);
  out.writeUInt16LE(0, at + 20);
  return at + END_RECORD_SIZE;
}
