import path from 'node:path';
import { COMPANY_STATUSES, type CompanyStatus } from '../../core/domain/company-status';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/interop/interop-schema';
import { message } from '../../core/messages';
import { type CliCommand, type CliContext, call, EXIT_OK, UsageError } from '../cli-context';
import { parseCommandArgs } from '../parse';
import { kommuneCode } from './companies';

async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    format: { type: 'string' },
    out: { type: 'string' },
    entity: { type: 'string' },
    search: { type: 'string' },
    notes: { type: 'boolean' },
    kommune: { type: 'string', multiple: true },
    status: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    'with-files': { type: 'boolean' },
    campaign: { type: 'boolean' },
    'include-protected': { type: 'boolean' },
  });
  const format = values.format as ExportFormat | undefined;
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(message('cli.export.formatRequired', { formats: EXPORT_FORMATS.join(', ') }));
  }
  if (!values.out) throw new UsageError(message('cli.export.outRequired'));
  const statuses = (values.status ?? []).map((s) => {
    if (!(COMPANY_STATUSES as readonly string[]).includes(s))
      throw new UsageError(message('cli.unknownStatus', { value: s, options: COMPANY_STATUSES.join(', ') }));
    return s as CompanyStatus;
  });
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
    if (values.json) ctx.out(JSON.stringify(zipped, null, 2));
    else
      ctx.out(
        message('cli.export.withFilesWritten', {
          path: zipped.path,
          kb: Math.ceil(zipped.bytes / 1024),
          files: zipped.files,
        }),
      );
    return EXIT_OK;
  }
  const result = await call(ctx, 'interop.export', {
    format,
    path: path.resolve(values.out),
    scope,
    entity: values.entity,
    campaign: values.campaign ? { includeProtected: values['include-protected'] === true } : undefined,
  });
  if (values.json) ctx.out(JSON.stringify(result, null, 2));
  else {
    const counts = Object.entries(result.counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    ctx.out(message('cli.export.written', { path: result.path, kb: Math.ceil(result.bytes / 1024), counts }));
    if (result.leftOutProtected) ctx.out(message('cli.export.leftOutProtected', { count: result.leftOutProtected }));
  }
  return EXIT_OK;
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: message('cli.export.summary'),
  usage: message('cli.export.usage'),
  run,
};
