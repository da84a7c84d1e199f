import fs from 'node:fs';
import zlib from 'node:zlib';

/**
 * A minimal zip writer for hostile test files: real deflate data, but the directory says
 * whatever the test wants it to say (sizes, entry count).
 */
export interface ZipEntry {
  name: string;
  data: Buffer;
  deflate?: boolean;
  /** What the directory claims the uncompressed size is (a lie, for the crafted files). */
  declaredSize?: number;
  /** Deflated already (packEntry): `data` is then ignored, and the part is never whole in memory. */
  packed?: PackedPart;
}

export interface PackedPart {
  body: Buffer;
  crc: number;
  size: number;
}

/** Deflates a part from its chunks as they are made, so a part of hundreds of MB costs only its packed size. */
export async function packPart(chunks: Iterable<Buffer>): Promise<PackedPart> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.once('end', resolve);
    deflate.once('error', reject);
  });
  let crc = 0;
  let size = 0;
  for (const chunk of chunks) {
    crc = zlib.crc32(chunk, crc);
    size += chunk.length;
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return { body: Buffer.concat(out), crc, size };
}

export function writeZip(file: string, entries: ZipEntry[]): void {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const deflated = e.deflate || e.packed !== undefined;
    const body = e.packed?.body ?? (e.deflate ? zlib.deflateRawSync(e.data, { level: 9 }) : e.data);
    const crc = e.packed?.crc ?? zlib.crc32(e.data);
    const size = e.declaredSize ?? e.packed?.size ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(deflated ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, body);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(deflated ? 8 : 0, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += local.length + name.length + body.length;
  }
  const dirBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(file, Buffer.concat([...parts, dirBuf, end]));
}

/** The parts every .xlsx has, around a sheet of the test's choosing. */
export function xlsxParts(sheetXml: Buffer, deflate = true): ZipEntry[] {
  const x = (s: string) => Buffer.from(s, 'utf8');
  return [
    {
      name: '[Content_Types].xml',
      data: x(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: x(
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: x(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml, deflate },
  ];
}

/**
 * A shared-strings part of about `bytes` bytes: firm names, each with a long address line that
 * repeats, so 479 MB deflate to a few MB (the hostile workbook of the memory test).
 */
export function* sharedStringsXml(bytes: number): Generator<Buffer> {
  const head =
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
  yield Buffer.from(head, 'utf8');
  const filler = 'Ådalens Gårdbutik og Smedje, Hovedgaden 1, 7400 Herning. '.repeat(40);
  let written = head.length;
  let n = 0;
  while (written < bytes) {
    const parts: string[] = [];
    for (let i = 0; i < 256; i++, n++) parts.push(`<si><t>${filler}${n}</t></si>`);
    const chunk = Buffer.from(parts.join(''), 'utf8');
    written += chunk.length;
    yield chunk;
  }
  yield Buffer.from('</sst>', 'utf8');
}
