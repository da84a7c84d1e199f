import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ImportField, ImportReport, ImportResult } from '../../core/interop/interop-schema';
import { IMPORT_FIELDS } from '../../core/interop/interop-schema';
import { type CliCommand, type CliContext, call, EXIT_OK, EXIT_REJECTED, UsageError } from '../cli-context';
import { parseCommandArgs } from '../parse';

const SEPARATORS: Record<string, ';' | ',' | '\t'> = {
  ';': ';',
  semikolon: ';',
  semicolon: ';',
  ',': ',',
  komma: ',',
  comma: ',',
  tab: '\t',
  '\\t': '\t',
};

function summary(r: ImportReport): string {
  const t = r.totals;
  return `${r.rows} rækker: ${t.add} nye, ${t.update} opdateres, ${t.unchanged} uændrede, ${t.keptLocal} beholdt (nyere lokalt), ${t.invalid} med fejl, ${t.duplicate} dubletter, ${t.skipped} sprunget over`;
}

function printReport(ctx: CliContext, r: ImportReport): void {
  const how = [
    r.format.toUpperCase(),
    r.encoding,
    r.separator ? `separator ${r.separator === '\t' ? 'tab' : r.separator}` : undefined,
    r.sheet ? `ark "${r.sheet}"` : undefined,
  ];
  ctx.out(`Fil: ${r.fileName} (${how.filter(Boolean).join(', ')})`);
  for (const w of r.warnings) ctx.out(`Advarsel: ${w}`);
  for (const e of r.entities)
    if (r.format === 'caseload')
      ctx.out(
        `  ${e.entity}: ${e.add} nye, ${e.update} opdateres, ${e.unchanged} uændrede, ${e.invalid + e.duplicate} med fejl`,
      );
  ctx.out(summary(r));
  for (const s of r.skipped) ctx.out(`  ${s.line === null ? '' : `linje ${s.line}: `}${s.reason}`);
  if (r.issues.length) ctx.err('Fejl:');
  for (const i of r.issues) {
    const where = i.line !== null ? `linje ${i.line}` : (i.ref ?? '');
    const what = i.column
      ? `${i.column}${i.value ? ` "${i.value}"` : ''}: `
      : i.field && i.field !== '(row)'
        ? `${i.field}: `
        : '';
    ctx.err(`  ${where}: ${what}${i.message}`);
  }
  if (r.issuesLeftOut) ctx.err(`  … og ${r.issuesLeftOut} fejl mere`);
  if (r.newConsultants.length) ctx.out(`Nye konsulenter: ${r.newConsultants.join(', ')}`);
}

async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      'skip-invalid': { type: 'boolean' },
      sheet: { type: 'string' },
      separator: { type: 'string' },
      encoding: { type: 'string' },
      'date-order': { type: 'string' },
      'clear-empty': { type: 'boolean' },
      map: { type: 'string', multiple: true },
    },
    true,
  );
  const [file, ...extra] = positionals;
  if (!file || extra.length) throw new UsageError('import kræver præcis én fil');
  const filePath = path.resolve(file);
  const separator = values.separator === undefined ? undefined : SEPARATORS[values.separator.toLowerCase()];
  if (values.separator !== undefined && !separator) throw new UsageError('--separator skal være ; , eller tab');
  const encoding = values.encoding
    ?.toLowerCase()
    .replace(/^(cp|win)1252$/, 'windows-1252')
    .replace(/^utf8$/, 'utf-8');
  if (encoding !== undefined && !['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'].includes(encoding)) {
    throw new UsageError('--encoding skal være utf-8, windows-1252 eller utf-16le');
  }
  const dateOrder = values['date-order'];
  if (dateOrder !== undefined && dateOrder !== 'dmy' && dateOrder !== 'mdy')
    throw new UsageError('--date-order skal være dmy eller mdy');
  const options = {
    encoding: encoding as 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be' | undefined,
    separator,
    sheet: values.sheet,
    dateOrder: dateOrder as 'dmy' | 'mdy' | undefined,
    emptyCells: values['clear-empty'] ? ('clear' as const) : ('keep' as const),
    mapping: undefined as Array<ImportField | null> | undefined,
  };
  if (values.map?.length) {
    // --map "Firma=name" overrides the guessed mapping for one column; "Noter=" ignores it.
    const inspection = await call(ctx, 'interop.inspect', { path: filePath, options });
    const mapping = [...inspection.mapping];
    for (const m of values.map) {
      const eq = m.lastIndexOf('=');
      const header = m.slice(0, eq).trim();
      const field = m.slice(eq + 1).trim();
      const col = inspection.headers.findIndex((h) => h.trim().toLowerCase() === header.toLowerCase());
      if (eq < 0 || col < 0)
        throw new UsageError(`--map: ukendt kolonne "${header}". Kolonner: ${inspection.headers.join(', ')}`);
      if (field && !(IMPORT_FIELDS as readonly string[]).includes(field))
        throw new UsageError(`--map: ukendt felt "${field}". Felter: ${IMPORT_FIELDS.join(', ')}`);
      mapping[col] = (field || null) as ImportField | null;
    }
    options.mapping = mapping;
  }
  let result: ImportReport | ImportResult;
  if (values['dry-run']) {
    result = await call(ctx, 'interop.preview', { path: filePath, options, issueLimit: 1_000_000 });
  } else {
    if (!fs.existsSync(filePath)) throw new UsageError(`Filen findes ikke: ${filePath}`);
    const fingerprint = createHash('sha256').update(fs.readFileSync(filePath)).digest('hex');
    result = await call(ctx, 'interop.import', {
      path: filePath,
      options,
      issueLimit: 1_000_000,
      fingerprint,
      onInvalid: values['skip-invalid'] ? 'skip' : 'abort',
    });
  }
  const written = 'written' in result && result.written;
  if (values.json) ctx.out(JSON.stringify(result, null, 2));
  else {
    printReport(ctx, result);
    if (values['dry-run'])
      ctx.out(
        result.clean
          ? 'Prøvekørsel: filen kan importeres. Intet er gemt.'
          : 'Prøvekørsel: filen har fejl. Intet er gemt.',
      );
    else
      ctx.out(
        written
          ? 'Importeret.'
          : 'Intet er gemt: ret fejlene, eller brug --skip-invalid for at springe rækkerne med fejl over.',
      );
  }
  if (values['dry-run']) return result.clean ? EXIT_OK : EXIT_REJECTED;
  return written ? EXIT_OK : EXIT_REJECTED;
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Importér en sagsfil, CSV- eller Excel-fil (alt eller intet)',
  usage:
    'import FIL [--dry-run] [--json] [--skip-invalid] [--sheet ARK] [--separator ;|,|tab]\n' +
    '       [--encoding utf-8|windows-1252] [--date-order dmy|mdy] [--clear-empty] [--map "Kolonne=felt"]…',
  run,
};
