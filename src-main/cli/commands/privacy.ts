import { message } from '../../core/messages';
import { type CliContext, call, command, EXIT_OK, lookupCompany, UsageError } from '../cli-context';
import { printResult, readAllPages } from '../output';
import { parseFlags } from '../parse';
import { subcommands } from '../subcommands';

async function remove(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseFlags(args, { string: ['company'], boolean: ['yes', 'delete-files'] });
  if (!values.company) throw new UsageError(message('cli.privacy.deleteNeedsCompany'));
  const company = await lookupCompany(ctx, values.company);
  if (!values.yes) {
    throw new UsageError(message('cli.privacy.deleteNeedsYes', { name: company.name }));
  }
  const r = await call(ctx, 'privacy.deleteCompany', {
    id: company.id,
    confirmName: company.name,
    deleteFiles: values['delete-files'] ?? false,
  });
  ctx.out(message('cli.privacy.deleted', { name: company.name, id: company.id }));
  for (const f of r.files)
    ctx.out(`  ${message(f.deleted ? 'cli.privacy.fileDeleted' : 'cli.privacy.fileKept', { path: f.path })}`);
  if (r.backups.rewritten.length > 0) {
    ctx.out(`  ${message('cli.privacy.backupsRewritten', { count: r.backups.rewritten.length })}`);
  }
  for (const b of r.backups.failed) {
    ctx.err(`  ${message('cli.privacy.backupRewriteFailed', { name: b.name, reason: b.reason })}`);
  }
  return EXIT_OK;
}

async function anonymise(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseFlags(args, { multiple: ['company'], boolean: ['due'] });
  if (values.due) {
    const r = await call(ctx, 'privacy.anonymiseDue', {});
    ctx.out(message('cli.privacy.anonymisedDue', { count: r.anonymised }));
    return EXIT_OK;
  }
  const refs = values.company ?? [];
  if (refs.length === 0) throw new UsageError(message('cli.privacy.anonymiseNeedsCompany'));
  const ids: number[] = [];
  for (const ref of refs) ids.push((await lookupCompany(ctx, ref)).id);
  const r = await call(ctx, 'privacy.anonymise', { ids });
  ctx.out(
    message(r.skipped.length ? 'cli.privacy.anonymisedSkipped' : 'cli.privacy.anonymised', {
      count: r.anonymised,
      skipped: r.skipped.length,
    }),
  );
  return EXIT_OK;
}

async function retention(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseFlags(args, { boolean: ['json'] });
  const all = await readAllPages((offset, limit) => call(ctx, 'privacy.retentionCandidates', { offset, limit }));
  return printResult(ctx, values.json, all, () => {
    for (const r of all.rows) ctx.out([r.closedAt.slice(0, 10), r.cvr ?? '—', r.name, r.kommune ?? ''].join('\t'));
    ctx.out(
      message('cli.privacy.retention', {
        count: all.rows.length,
        date: all.closedBefore.slice(0, 10),
        years: all.retentionYears,
      }),
    );
  });
}

async function accessRequest(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseFlags(args, { string: ['company', 'person', 'out'] });
  if (!values.company === !values.person) throw new UsageError(message('cli.privacy.companyOrPerson'));
  const subject = values.company
    ? { companyId: (await lookupCompany(ctx, values.company)).id }
    : { personName: values.person ?? '' };
  const r = await call(ctx, 'privacy.accessRequest', { ...subject, path: values.out });
  ctx.out(message('cli.privacy.accessFile', { path: r.path, companies: r.companies, contacts: r.contacts }));
  return EXIT_OK;
}

async function log(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseFlags(args, { string: ['company', 'limit'], boolean: ['json'] });
  const limit = values.limit === undefined ? 100 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError(message('cli.privacy.limitRange'));
  const companyId = values.company ? (await lookupCompany(ctx, values.company)).id : undefined;
  const page = await call(ctx, 'privacy.accessLog', { offset: 0, limit, companyId });
  return printResult(ctx, values.json, page, () => {
    for (const r of page.rows)
      ctx.out([r.at, r.actor, r.action, r.method, r.companyId ?? '', r.detail ?? ''].join('\t'));
    ctx.out(message('cli.privacy.logLines', { shown: page.rows.length, total: page.total }));
  });
}

export const privacyCommand = command(
  'privacy',
  subcommands('cli.privacy.unknownSub', {
    delete: remove,
    anonymise,
    retention,
    'access-request': accessRequest,
    log,
  }),
);
