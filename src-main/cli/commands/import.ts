import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ImportField, ImportReport, ImportResult } from '../../core/interop/interop-schema';
import { IMPORT_FIELDS } from '../../core/interop/interop-schema';
import { message } from '../../core/messages';
import { type CliContext, call, command, EXIT_OK, EXIT_REJECTED, UsageError } from '../cli-context';
import { printResult } from '../output';
import { parseFlags } from '../parse';

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
  return message('cli.import.totals', { rows: r.rows, ...r.totals });
}

function printReport(ctx: CliContext, r: ImportReport): void {
  const how = [
    r.format.toUpperCase(),
    r.encoding,
    r.separator
      ? message('cli.import.separator', { separator: r.separator === '\t' ? 'tab' : r.separator })
      : undefined,
    r.sheet ? message('cli.import.sheet', { sheet: r.sheet }) : undefined,
  ];
  ctx.out(message('cli.import.file', { file: r.fileName, how: how.filter(Boolean).join(', ') }));
  for (const w of r.warnings) ctx.out(message('cli.import.warning', { warning: w }));
  for (const e of r.entities)
    if (r.format === 'caseload')
      ctx.out(`  ${message('cli.import.entityTotals', { ...e, invalid: e.invalid + e.duplicate })}`);
  ctx.out(summary(r));
  for (const p of r.preview)
    for (const d of p.diffs ?? [])
      ctx.out(
        `  ${p.cvr ?? ''} ${p.name}: ${message(d.kept ? 'cli.import.diffKept' : 'cli.import.diff', {
          field: d.field,
          from: d.from ?? '–',
          to: d.to ?? '–',
        })}`,
      );
  for (const s of r.skipped)
    ctx.out(`  ${s.line === null ? '' : `${message('cli.import.line', { line: s.line })}: `}${s.reason}`);
  if (r.issues.length) ctx.err(message('cli.import.errors'));
  for (const i of r.issues) {
    const where = i.line !== null ? message('cli.import.line', { line: i.line }) : (i.ref ?? '');
    const what = i.column
      ? `${i.column}${i.value ? ` "${i.value}"` : ''}: `
      : i.field && i.field !== '(row)'
        ? `${i.field}: `
        : '';
    ctx.err(`  ${where}: ${what}${i.message}`);
  }
  if (r.issuesLeftOut) ctx.err(`  ${message('cli.import.moreErrors', { count: r.issuesLeftOut })}`);
  if (r.newConsultants.length) ctx.out(message('cli.import.newConsultants', { names: r.newConsultants.join(', ') }));
}

export const importCommand = command('import', async (args, ctx) => {
  const { values, positionals } = parseFlags(
    args,
    {
      string: ['sheet', 'separator', 'encoding', 'date-order'],
      multiple: ['map'],
      boolean: ['dry-run', 'json', 'skip-invalid', 'clear-empty', 'take-register'],
    },
    true,
  );
  const [file, ...extra] = positionals;
  if (!file || extra.length) throw new UsageError(message('cli.import.oneFile'));
  const filePath = path.resolve(file);
  const separator = values.separator === undefined ? undefined : SEPARATORS[values.separator.toLowerCase()];
  if (values.separator !== undefined && !separator) throw new UsageError(message('cli.import.separatorValues'));
  const encoding = values.encoding
    ?.toLowerCase()
    .replace(/^(cp|win)1252$/, 'windows-1252')
    .replace(/^utf8$/, 'utf-8');
  if (encoding !== undefined && !['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'].includes(encoding)) {
    throw new UsageError(message('cli.import.encodingValues'));
  }
  const dateOrder = values['date-order'];
  if (dateOrder !== undefined && dateOrder !== 'dmy' && dateOrder !== 'mdy')
    throw new UsageError(message('cli.import.dateOrderValues'));
  const options = {
    encoding: encoding as 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be' | undefined,
    separator,
    sheet: values.sheet,
    dateOrder: dateOrder as 'dmy' | 'mdy' | undefined,
    emptyCells: values['clear-empty'] ? ('clear' as const) : ('keep' as const),
    mapping: undefined as Array<ImportField | null> | undefined,
    takeRegister: values['take-register'] ? true : undefined,
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
        throw new UsageError(message('cli.import.unknownColumn', { header, columns: inspection.headers.join(', ') }));
      if (field && !(IMPORT_FIELDS as readonly string[]).includes(field))
        throw new UsageError(message('cli.import.unknownField', { field, fields: IMPORT_FIELDS.join(', ') }));
      mapping[col] = (field || null) as ImportField | null;
    }
    options.mapping = mapping;
  }
  let result: ImportReport | ImportResult;
  if (/\.zip$/i.test(filePath) && !values['dry-run']) {
    // A caseload with its attachments' files (export --with-files).
    result = await call(ctx, 'interop.importWithFiles', {
      path: filePath,
      onInvalid: values['skip-invalid'] ? 'skip' : 'abort',
    });
  } else if (values['dry-run']) {
    result = await call(ctx, 'interop.preview', { path: filePath, options, issueLimit: 1_000_000 });
  } else {
    if (!fs.existsSync(filePath)) throw new UsageError(message('import.fileMissing', { path: filePath }));
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
  printResult(ctx, values.json, result, () => {
    printReport(ctx, result);
    if (values['dry-run']) ctx.out(message(result.clean ? 'cli.import.dryRunClean' : 'cli.import.dryRunErrors'));
    else ctx.out(message(written ? 'cli.import.done' : 'cli.import.notWritten'));
  });
  if (values['dry-run']) return result.clean ? EXIT_OK : EXIT_REJECTED;
  return written ? EXIT_OK : EXIT_REJECTED;
});
