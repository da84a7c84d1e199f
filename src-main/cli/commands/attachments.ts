import path from 'node:path';
import { ANNEX_KINDS, type AnnexKind } from '../../../src-shared/codes/attachments';
import { formatFileSize } from '../../../src-shared/format/file-size';
import type { Attachment } from '../../core/attachments/attachment-types';
import { message } from '../../core/messages';
import { type CliCommand, type CliContext, call, EXIT_OK, lookupCompany, UsageError } from '../cli-context';
import { parseCommandArgs } from '../parse';

function idFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(message('cli.positiveId', { flag }));
  return n;
}

/** `attach FILE --company CVR|ID [--visit ID | --referral ID | --application ID]` */
async function attach(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      company: { type: 'string' },
      visit: { type: 'string' },
      referral: { type: 'string' },
      application: { type: 'string' },
      name: { type: 'string' },
      annex: { type: 'string' },
      json: { type: 'boolean' },
    },
    true,
  );
  const [file, ...extra] = positionals;
  if (!file || extra.length) throw new UsageError(message('cli.attach.oneFile'));
  if (!values.company) throw new UsageError(message('cli.attach.companyRequired'));
  const annex = values.annex;
  if (annex !== undefined && !(ANNEX_KINDS as readonly string[]).includes(annex))
    throw new UsageError(message('cli.attach.unknownAnnex', { value: annex, options: ANNEX_KINDS.join(', ') }));
  const company = await lookupCompany(ctx, values.company);
  const added = await call(ctx, 'attachments.add', {
    companyId: company.id,
    visitId: idFlag('--visit', values.visit),
    referralId: idFlag('--referral', values.referral),
    applicationId: idFlag('--application', values.application),
    path: path.resolve(file),
    name: values.name,
    annex: annex as AnnexKind | undefined,
  });
  if (values.json) ctx.out(JSON.stringify(added, null, 2));
  else
    ctx.out(
      message('cli.attach.done', {
        name: added.name,
        size: formatFileSize(added.sizeBytes),
        sha: added.sha256.slice(0, 12),
        company: company.name,
      }),
    );
  return EXIT_OK;
}

function onWhat(a: Attachment): string {
  if (a.visitId !== null) return `visit ${a.visitId}`;
  if (a.referralId !== null) return `referral ${a.referralId}`;
  if (a.applicationId !== null) return `application ${a.applicationId}${a.annex ? ` (${a.annex})` : ''}`;
  return 'company';
}

/** `attachments list --company CVR|ID [--json]` */
async function list(args: string[], ctx: CliContext): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'list') throw new UsageError(message('cli.commandUsage', { usage: message('cli.attachments.usage') }));
  const { values } = parseCommandArgs(rest, { company: { type: 'string' }, json: { type: 'boolean' } });
  if (!values.company) throw new UsageError(message('cli.attach.companyRequired'));
  const company = await lookupCompany(ctx, values.company);
  const items = await call(ctx, 'attachments.list', { companyId: company.id });
  if (values.json) {
    ctx.out(JSON.stringify(items, null, 2));
    return EXIT_OK;
  }
  for (const a of items)
    ctx.out(
      message('cli.attachments.line', {
        id: a.id,
        name: a.name,
        size: formatFileSize(a.sizeBytes),
        on: onWhat(a),
        when: a.createdAt,
        flags: a.missing ? message('cli.attachments.missing') : '',
      }),
    );
  ctx.out(message('cli.attachments.count', { count: items.length }));
  return EXIT_OK;
}

export const attachCommand: CliCommand = {
  name: 'attach',
  summary: message('cli.attach.summary'),
  usage: message('cli.attach.usage'),
  run: attach,
};

export const attachmentsCommand: CliCommand = {
  name: 'attachments',
  summary: message('cli.attachments.summary'),
  usage: message('cli.attachments.usage'),
  run: list,
};
