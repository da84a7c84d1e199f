import { labelKey, movedTableKey } from '../../../src-shared/messages/code-labels';
import { message } from '../../core/messages';
import { type CliContext, call, EXIT_OK, lookupCompany, UsageError } from '../cli-context';
import { parseCommandArgs } from '../parse';

/** `companies duplicates [--company REF] [--json]`: the pairs that may be one firm. */
export async function duplicates(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, { json: { type: 'boolean' }, company: { type: 'string' } });
  const companyId = values.company ? (await lookupCompany(ctx, values.company)).id : undefined;
  const pairs = await call(ctx, 'companies.duplicates', { companyId });
  if (values.json) ctx.out(JSON.stringify(pairs, null, 2));
  else if (pairs.length === 0) ctx.out(message('cli.duplicates.none'));
  else
    for (const p of pairs)
      ctx.out(
        message('cli.duplicates.line', {
          keepId: p.keepId,
          keep: p.keepName,
          mergeId: p.mergeId,
          merge: p.mergeName,
          reasons: p.reasons.map((r) => message(labelKey.duplicateReason(r))).join('; '),
        }),
      );
  return EXIT_OK;
}

function tableLabel(table: string): string {
  const key = movedTableKey(table);
  return key ? message(key) : table;
}

/** `companies merge --keep REF --merge REF [--take FIELD]… [--dry-run] [--json]`. */
export async function merge(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    keep: { type: 'string' },
    merge: { type: 'string' },
    take: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (!values.keep || !values.merge) throw new UsageError(message('cli.companies.usage'));
  const input = {
    keepId: (await lookupCompany(ctx, values.keep)).id,
    mergeId: (await lookupCompany(ctx, values.merge)).id,
    take: values.take ?? [],
  };
  const plan = await call(ctx, values['dry-run'] ? 'companies.mergePreview' : 'companies.merge', input);
  if (values.json) {
    ctx.out(JSON.stringify({ dryRun: Boolean(values['dry-run']), ...plan }, null, 2));
    return EXIT_OK;
  }
  for (const f of plan.fields)
    if (f.keep !== f.merge)
      ctx.out(
        message('cli.merge.field', {
          field: f.field,
          value: String((f.chosen === 'merge' ? f.merge : f.keep) ?? '—'),
          from: f.chosen === 'merge' ? plan.mergeName : plan.keepName,
        }),
      );
  for (const m of plan.moves) ctx.out(message('cli.merge.move', { count: m.count, table: tableLabel(m.table) }));
  ctx.out(
    values['dry-run']
      ? message('cli.merge.dryRun')
      : message('cli.merge.done', { merge: plan.mergeName, keep: plan.keepName, keepId: plan.keepId }),
  );
  return EXIT_OK;
}
