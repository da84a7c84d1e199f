import type { BulkResult } from '../../core/companies/bulk/bulk-schema';
import { COMPANY_STATUSES, type CompanyStatus } from '../../core/domain/company-status';
import { message } from '../../core/messages';
import { type CliContext, call, UsageError } from '../cli-context';
import { printResult } from '../output';
import { oneOf, parseFlags } from '../parse';
import { kommuneCode } from './companies';

/**
 * `companies bulk`: one action on firms named by id or on every firm a caseload filter matches
 * (`--filter kommune=Aarhus --filter status=identified`, `--filter all`), through the same method
 * the caseload's bulk dialog calls.
 */
function status(value: string): CompanyStatus {
  return oneOf(value, COMPANY_STATUSES, 'cli.unknownStatus');
}

async function selectionFrom(ctx: CliContext, ids: string[] | undefined, filter: string[] | undefined) {
  if (!ids?.length === !filter?.length) throw new UsageError(message('cli.bulk.oneSelection'));
  if (ids?.length) {
    const list = ids
      .flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter(Boolean);
    return {
      ids: list.map((s) => {
        const n = Number(s);
        if (!Number.isInteger(n) || n < 1) throw new UsageError(message('cli.integer', { flag: '--ids' }));
        return n;
      }),
    };
  }
  const filters: { kommune?: number[]; status?: CompanyStatus[]; consultant?: number[]; industry?: string } = {};
  let search = '';
  const consultants = await call(ctx, 'reference.consultants', {});
  for (const f of filter ?? []) {
    if (f === 'all') continue;
    const [key, ...rest] = f.split('=');
    const value = rest.join('=').trim();
    if (key === 'kommune') filters.kommune = [...(filters.kommune ?? []), kommuneCode(value)];
    else if (key === 'status') filters.status = [...(filters.status ?? []), status(value)];
    else if (key === 'industry') filters.industry = value;
    else if (key === 'search') search = value;
    else if (key === 'consultant') {
      const c = consultants.find((x) => x.name.toLocaleLowerCase('da') === value.toLocaleLowerCase('da'));
      if (!c) throw new UsageError(message('bulk.unknownConsultant', { name: value }));
      filters.consultant = [...(filters.consultant ?? []), c.id];
    } else throw new UsageError(message('cli.companies.usage'));
  }
  return { query: { filters, search } };
}

function print(ctx: CliContext, r: BulkResult, json: boolean | undefined, undo = false): number {
  return printResult(ctx, json, r, () => {
    const counts = { changed: r.changed, selected: r.selected };
    ctx.out(message(undo ? 'cli.bulk.undone' : r.dryRun ? 'cli.bulk.dryRun' : 'cli.bulk.done', counts));
    if (r.followupsMoved) ctx.out(message('cli.bulk.followupsMoved', { count: r.followupsMoved }));
  });
}

export async function bulk(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseFlags(args, {
    string: ['consultant', 'status', 'reason', 'followup', 'due', 'network', 'joined'],
    multiple: ['ids', 'filter'],
    boolean: ['undo', 'dry-run', 'json'],
  });
  const chosen = [values.consultant, values.status, values.followup, values.network, values.undo].filter(
    (v) => v !== undefined,
  );
  if (chosen.length !== 1) throw new UsageError(message('cli.bulk.oneAction'));
  if (values.undo) return print(ctx, await call(ctx, 'companies.bulkUndo', {}), values.json, true);
  const selection = await selectionFrom(ctx, values.ids, values.filter);
  let action: Parameters<typeof call<'companies.bulk'>>[2]['action'];
  if (values.consultant !== undefined) action = { kind: 'reassign', consultantName: values.consultant };
  else if (values.status !== undefined)
    action = { kind: 'status', status: status(values.status), reason: values.reason };
  else if (values.followup !== undefined) {
    if (!values.due) throw new UsageError(message('cli.bulk.dueRequired'));
    action = { kind: 'followup', title: values.followup, dueDate: values.due };
  } else {
    const networkId = Number(values.network);
    if (!Number.isInteger(networkId) || networkId < 1)
      throw new UsageError(message('cli.integer', { flag: '--network' }));
    if (!values.joined) throw new UsageError(message('cli.bulk.joinedRequired'));
    action = { kind: 'network', networkId, joinedOn: values.joined };
  }
  return print(
    ctx,
    await call(ctx, 'companies.bulk', { selection, action, dryRun: values['dry-run'] ?? false }),
    values.json,
  );
}
