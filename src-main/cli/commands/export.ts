import path from 'node:path';
import { COMPANY_STATUSES } from '../../core/domain/company-status';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/interop/interop-schema';
import { message } from '../../core/messages';
import { call, command, UsageError } from '../cli-context';
import { printResult } from '../output';
import { oneOf, parseFlags } from '../parse';
import { kommuneCode } from './companies';

export const exportCommand = command('export', async (args, ctx) => {
  const { values } = parseFlags(args, {
    string: ['format', 'out', 'entity', 'search'],
    multiple: ['kommune', 'status'],
    boolean: ['notes', 'json', 'with-files', 'campaign', 'include-protected'],
  });
  const format = values.format as ExportFormat | undefined;
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(message('cli.export.formatRequired', { formats: EXPORT_FORMATS.join(', ') }));
  }
  if (!values.out) throw new UsageError(message('cli.export.outRequired'));
  const statuses = (values.status ?? []).map((s) => oneOf(s, COMPANY_STATUSES, 'cli.unknownStatus'));
  const filtered = values.search !== undefined || values.kommune?.length || statuses.length;
  const scope = filtered
    ? {
        kind: 'query' as const,
        search: values.search ?? '',
        notes: values.notes ?? false,
        filters: { kommune: values.kommune?.map(kommuneCode), status: statuses.length ? statuses : undefined },
      }
    : { kind: 'all' as const };
  if (values['with-files']) {
    if (format !== 'caseload') throw new UsageError(message('cli.export.withFilesCaseloadOnly'));
    const zipped = await call(ctx, 'interop.exportWithFiles', { path: path.resolve(values.out), scope });
    return printResult(ctx, values.json, zipped, () =>
      ctx.out(
        message('cli.export.withFilesWritten', {
          path: zipped.path,
          kb: Math.ceil(zipped.bytes / 1024),
          files: zipped.files,
        }),
      ),
    );
  }
  const result = await call(ctx, 'interop.export', {
    format,
    path: path.resolve(values.out),
    scope,
    entity: values.entity,
    campaign: values.campaign ? { includeProtected: values['include-protected'] === true } : undefined,
  });
  return printResult(ctx, values.json, result, () => {
    const counts = Object.entries(result.counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    ctx.out(message('cli.export.written', { path: result.path, kb: Math.ceil(result.bytes / 1024), counts }));
    if (result.leftOutProtected) ctx.out(message('cli.export.leftOutProtected', { count: result.leftOutProtected }));
  });
});
