import path from 'node:path';
import { ANNEX_KINDS } from '../../../src-shared/codes/attachments';
import { formatFileSize } from '../../../src-shared/format/file-size';
import type { Attachment } from '../../core/attachments/attachment-types';
import { message } from '../../core/messages';
import { type CliContext, call, command, lookupCompany, UsageError } from '../cli-context';
import { printResult } from '../output';
import { BELONGS_TO, belongsTo, oneOf, parseFlags } from '../parse';
import { subcommands } from '../subcommands';

/** `attach FILE --company CVR|ID [--visit ID | --referral ID | --application ID]` */
async function attach(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    { string: ['company', 'name', 'annex', ...BELONGS_TO], boolean: ['json'] },
    true,
  );
  const [file, ...extra] = positionals;
  if (!file || extra.length) throw new UsageError(message('cli.attach.oneFile'));
  if (!values.company) throw new UsageError(message('cli.attach.companyRequired'));
  const annex = values.annex === undefined ? undefined : oneOf(values.annex, ANNEX_KINDS, 'cli.attach.unknownAnnex');
  const company = await lookupCompany(ctx, values.company);
  const added = await call(ctx, 'attachments.add', {
    companyId: company.id,
    ...belongsTo(values),
    path: path.resolve(file),
    name: values.name,
    annex,
  });
  return printResult(ctx, values.json, added, () =>
    ctx.out(
      message('cli.attach.done', {
        name: added.name,
        size: formatFileSize(added.sizeBytes),
        sha: added.sha256.slice(0, 12),
        company: company.name,
      }),
    ),
  );
}

function onWhat(a: Attachment): string {
  if (a.visitId !== null) return `visit ${a.visitId}`;
  if (a.referralId !== null) return `referral ${a.referralId}`;
  if (a.applicationId !== null) return `application ${a.applicationId}${a.annex ? ` (${a.annex})` : ''}`;
  return 'company';
}

/** `attachments list --company CVR|ID [--json]` */
async function list(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseFlags(args, { string: ['company'], boolean: ['json'] });
  if (!values.company) throw new UsageError(message('cli.attach.companyRequired'));
  const company = await lookupCompany(ctx, values.company);
  const items = await call(ctx, 'attachments.list', { companyId: company.id });
  return printResult(ctx, values.json, items, () => {
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
  });
}

export const attachCommand = command('attach', attach);

export const attachmentsCommand = command(
  'attachments',
  subcommands('cli.commandUsage', { list }, { usage: message('cli.attachments.usage') }),
);
