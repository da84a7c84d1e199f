import { labelKey, movedTableKey } from '../../../src-shared/messages/code-labels';
import { message } from '../../core/messages';
import { type CliContext, call, lookupCompany, UsageError } from '../cli-context';
import { printResult } from '../output';
import { parseFlags } from '../parse';

/** `companies duplicates [--company REF] [--json]`: the pairs that may be one firm. */
export async function duplicates(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseFlags(args, { string: ['company'], boolean: ['json'] });
  const companyId = values.company ? (await lookupCompany(ctx, values.company)).id : undefined;
  const pairs = await call(ctx, 'companies.duplicates', { companyId });
  return printResult(ctx, values.json, pairs, () => {
    if (pairs.length === 0) ctx.out(message('cli.duplicates.none'));
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
  });
}

function tableLabel(table: string): string {
  const key = movedTableKey(table);
  return key ? message(key) : table;
}

/** `companies merge --keep REF --merge REF [--take FIELD]… [--dry-run] [--json]`. */
export async function merge(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseFlags(args, { string: ['keep', 'merge'], multiple: ['take'], boolean: ['dry-run', 'json'] });
  if (!values.keep || !values.merge) throw new UsageError(message('cli.companies.usage'));
  const input = {
    keepId: (await lookupCompany(ctx, values.keep)).id,
    mergeId: (await lookupCompany(ctx, values.merge)).id,
    take: values.take ?? [],
  };
  const plan = await call(ctx, values['dry-run'] ? 'companies.mergePreview' : 'companies.merge', input);
  return printResult(ctx, values.json, { dryRun: Boolean(values['dry-run']), ...plan }, () => {
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
  });
}
