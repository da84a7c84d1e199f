import type { IndustrySystem } from '../../../src-shared/codes/industry';
import type { CaseloadPage } from '../../core/companies/caseload-schema';
import { COMPANY_STATUSES, type CompanyStatus } from '../../core/domain/company-status';
import { KOMMUNER } from '../../core/domain/kommuner';
import { message } from '../../core/messages';
import { type CliCommand, type CliContext, call, EXIT_OK, UsageError } from '../cli-context';
import { parseCommandArgs } from '../parse';
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

async function add(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    name: { type: 'string' },
    cvr: { type: 'string' },
    'p-number': { type: 'string' },
    owner: { type: 'string' },
    address: { type: 'string' },
    postcode: { type: 'string' },
    city: { type: 'string' },
    kommune: { type: 'string' },
    industry: { type: 'string' },
    'industry-system': { type: 'string' },
    employees: { type: 'string' },
    founded: { type: 'string' },
    phone: { type: 'string' },
    email: { type: 'string' },
    website: { type: 'string' },
    consultant: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.name === undefined) throw new UsageError(message('cli.companies.nameRequired'));
  const employees = values.employees === undefined ? undefined : Number(values.employees);
  if (employees !== undefined && !Number.isInteger(employees))
    throw new UsageError(message('cli.integer', { flag: '--employees' }));
  const company = await call(ctx, 'companies.create', {
    name: values.name,
    cvr: values.cvr,
    pNumber: values['p-number'],
    ownerName: values.owner,
    address: values.address,
    postcode: values.postcode,
    city: values.city,
    kommuneCode: values.kommune ? kommuneCode(values.kommune) : undefined,
    industryCode: values.industry,
    industrySystem: values['industry-system'] as IndustrySystem | undefined,
    employees,
    founded: values.founded,
    phone: values.phone,
    email: values.email,
    website: values.website,
    consultantName: values.consultant || undefined,
  });
  ctx.out(
    values.json
      ? JSON.stringify(company, null, 2)
      : message(company.cvr ? 'cli.companies.createdWithCvr' : 'cli.companies.created', {
          name: company.name,
          id: company.id,
          cvr: company.cvr,
        }),
  );
  return EXIT_OK;
}

async function list(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    json: { type: 'boolean' },
    search: { type: 'string' },
    notes: { type: 'boolean' },
    kommune: { type: 'string', multiple: true },
    status: { type: 'string', multiple: true },
    tag: { type: 'string', multiple: true },
    limit: { type: 'string' },
  });
  const limit = values.limit === undefined ? Number.POSITIVE_INFINITY : Number(values.limit);
  if (Number.isNaN(limit) || limit < 1) throw new UsageError(message('cli.limitPositive'));
  const statuses = (values.status ?? []).map((s) => {
    if (!(COMPANY_STATUSES as readonly string[]).includes(s)) {
      throw new UsageError(message('cli.unknownStatus', { value: s, options: COMPANY_STATUSES.join(', ') }));
    }
    return s as CompanyStatus;
  });
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
  if (values.json) ctx.out(JSON.stringify(rows, null, 2));
  else {
    for (const r of rows) ctx.out([r.cvr ?? '—'.padEnd(8), r.name, r.city ?? '', r.kommune ?? ''].join('\t'));
    ctx.out(message('cli.companies.count', { count: rows.length }));
  }
  return EXIT_OK;
}

export const companiesCommand: CliCommand = {
  name: 'companies',
  summary: message('cli.companies.summary'),
  usage: message('cli.companies.usage'),
  run: subcommands('cli.companies.unknownSub', {
    add,
    list,
    duplicates,
    merge,
    bulk,
  }),
};
