/**
 * Converts the two official industry classifications into the tables Bindeled ships
 * (resources/industry-codes/db07.csv and db25.csv, `;`-separated, UTF-8, one 6-digit code a row).
 * Where the inputs come from is in resources/industry-codes/SOURCE.md.
 *
 *   npx tsx tools/industry-codes/convert.ts db07 path/to/db07_struktur.xlsx
 *   npx tsx tools/industry-codes/convert.ts db25 path/to/db25-branchekoder.txt
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

const OUT = path.join(import.meta.dirname, '..', '..', 'resources', 'industry-codes');

function cell(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return String(v).trim().replace(/\s+/g, ' ');
}

function field(s: string): string {
  if (/[;"\n]/.test(s)) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** Statistics Denmark's db07_struktur.xlsx: level 4 rows are the 6-digit codes; NB notes a code's validity. */
async function db07(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error(`${file}: no sheet`);
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map(cell);
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${file}: no column ${name}`);
    return i;
  };
  const level = col('Niveau');
  const section = col('Section');
  const note = col('NB');
  const title = col('Tekst');
  const code = col('6-kode');
  const lines = ['code;title;section;note'];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v = row.values as ExcelJS.CellValue[];
    if (cell(v[level]) !== '4') return;
    const c = cell(v[code]);
    if (!/^\d{6}$/.test(c)) throw new Error(`${file} row ${n}: code ${c}`);
    lines.push([c, cell(v[title]), cell(v[section]), cell(v[note])].map(field).join(';'));
  });
  return lines;
}

/** Statistics Denmark's DB25 code list as `kode;titel` lines (comment lines start with #). */
function db25(file: string): string[] {
  const lines = ['code;title'];
  for (const [i, line] of fs.readFileSync(file, 'utf8').split(/\r?\n/).entries()) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(\d{6});(.+)$/.exec(line);
    if (!m) throw new Error(`${file} line ${i + 1}: ${line}`);
    lines.push([m[1] as string, m[2] as string].map(field).join(';'));
  }
  return lines;
}

const [system, file] = process.argv.slice(2);
if ((system !== 'db07' && system !== 'db25') || !file) {
  console.error('usage: convert.ts db07|db25 FILE');
  process.exit(2);
}
const lines = system === 'db07' ? await db07(file) : db25(file);
const target = path.join(OUT, `${system}.csv`);
fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(`${target}.tmp`, `${lines.join('\n')}\n`);
fs.renameSync(`${target}.tmp`, target);
console.log(`${target}: ${lines.length - 1} codes`);
