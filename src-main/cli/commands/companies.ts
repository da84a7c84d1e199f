import type { IndustrySystem } from '../../../src-shared/codes/industry';
import type { CaseloadPage } from '../../core/companies/caseload-schema';
import { COMPANY_STATUSES } from '../../core/domain/company-status';
import { KOMMUNER } from '../../core/domain/kommuner';
import { message } from '../../core/messages';
import { type CliContext, call, command, UsageError } from '../cli-context';
import { printResult } from '../output';
import { integerFlag, oneOf, parseFlags, sameNamed } from '../parse';
import { subcommands } from '../subcommands';
import { bulk } from './bulk';
import { duplicates, merge } from './duplicates';
import { findTag } from './tags';

/** Accepts a kommune by code (751) or name ("Aarhus", "ringkøbing-skjern"). */
export function kommuneCode(value: string): number {
  const byCode = KOMMUNER.find((k) => String(k.code) === value.trim());
  const byName = KOMMUNER.find((k) => k.name.toLocaleLowerCase('da') === value.trim().toLocaleLowerCase('da'));
  const found = byCode ?? byName;
  if (!found) throw new UsageError(message('cli.unknownKommune', { value }));
  return found.code;
}

/** The flags of `companies add` that are the company's fields of the same name, passed on as typed. */
const AS_TYPED = ['name', 'cvr', 'address', 'postcode', 'city', 'founded', 'phone', 'email', 'website'] as const;

async function add(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseFlags(args, {
    string: ['p-number', 'owner', 'kommune', 'industry', 'industry-system', 'employees', 'consultant', ...AS_TYPED],
    boolean: ['json'],
  });
  if (values.name === undefined) throw new UsageError(message('cli.companies.nameRequired'));
  const employees = integerFlag(values.employees, '--employees');
  const company = await call(ctx, 'companies.create', {
    ...sameNamed(values, AS_TYPED),
    // Checked above: the spread alone does not tell the compiler so.
    name: values.name,
    pNumber: values['p-number'],
    ownerName: values.owner,
    kommuneCode: values.kommune ? kommuneCode(values.kommune) : undefined,
    industryCode: values.industry,
    industrySystem: values['industry-system'] as IndustrySystem | undefined,
    employees,
    consultantName: values.consultant || undefined,
  });
  return printResult(ctx, values.json, company, () =>
    ctx.out(
      message(company.cvr ? 'cli.companies.createdWithCvr' : 'cli.companies.created', {
        name: company.name,
        id: company.id,
        cvr: company.cvr,
      }),
    ),
  );
}

async function list(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseFlags(args, {
    string: ['search', 'limit'],
    multiple: ['kommune', 'status', 'tag'],
    boolean: ['json', 'notes'],
  });
  const limit = values.limit === undefined ? Number.POSITIVE_INFINITY : Number(values.limit);
  if (Number.isNaN(limit) || limit < 1) throw new UsageError(message('cli.limitPositive'));
  const statuses = (values.status ?? []).map((s) => oneOf(s, COMPANY_STATUSES, 'cli.unknownStatus'));
  const tags = values.tag ? await Promise.all(values.tag.map(async (t) => (await findTag(ctx, t)).id)) : undefined;
  const filters = {
    kommune: values.kommune?.map(kommuneCode),
    status: statuses.length ? statuses : undefined,
    tags,
  };
  const rows: CaseloadPage['rows'] = [];
  // Pages of 500 keep memory flat however large the caseload is.
  for (let offset = 0; rows.length < limit; offset += 500) {
    const page: CaseloadPage = await call(ctx, 'companies.list', {
      offset,
      limit: Math.min(500, limit - rows.length),
      filters,
      search: values.search ?? '',
      notes: values.notes ?? false,
    });
    rows.push(...page.rows);
    if (page.rows.length === 0 || offset + page.rows.length >= (page.total ?? 0)) break;
  }
  return printResult(ctx, values.json, rows, () => {
    for (const r of rows) ctx.out([r.cvr ?? '—'.padEnd(8), r.name, r.city ?? '', r.kommune ?? ''].join('\t'));
    ctx.out(message('cli.companies.count', { count: rows.length }));
  });
}

export const companiesCommand = command(
  'companies',
  subcommands('cli.companies.unknownSub', {
    add,
    list,
    duplicates,
    merge,
    bulk,
  }),
);
