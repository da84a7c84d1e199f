import { type CliCommand, type CliContext, call, EXIT_OK, lookupCompany, UsageError } from '../cli-context';
import { parseCommandArgs } from '../parse';

async function remove(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    company: { type: 'string' },
    yes: { type: 'boolean' },
    'delete-files': { type: 'boolean' },
  });
  if (!values.company) throw new UsageError('privacy delete kræver --company CVR|ID');
  const company = await lookupCompany(ctx, values.company);
  if (!values.yes) {
    throw new UsageError(`Sletning af ${company.name} kan ikke fortrydes. Gentag med --yes for at slette.`);
  }
  const r = await call(ctx, 'privacy.deleteCompany', {
    id: company.id,
    confirmName: company.name,
    deleteFiles: values['delete-files'] ?? false,
  });
  ctx.out(`Slettet: ${company.name} (id ${company.id}) og alt om virksomheden`);
  for (const f of r.files) ctx.out(`  ${f.deleted ? 'fil slettet' : 'fil findes stadig'}: ${f.path}`);
  if (r.backups.rewritten.length > 0) {
    ctx.out(`  ${r.backups.rewritten.length} sikkerhedskopier skrevet om uden virksomheden`);
  }
  for (const b of r.backups.failed) {
    ctx.err(`  Sikkerhedskopien ${b.name} kunne ikke skrives om (${b.reason}); det forsøges igen ved næste start`);
  }
  return EXIT_OK;
}

async function anonymise(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    company: { type: 'string', multiple: true },
    due: { type: 'boolean' },
  });
  if (values.due) {
    const r = await call(ctx, 'privacy.anonymiseDue', {});
    ctx.out(`${r.anonymised} sager anonymiseret`);
    return EXIT_OK;
  }
  const refs = values.company ?? [];
  if (refs.length === 0) throw new UsageError('privacy anonymise kræver --company CVR|ID (flere tilladt) eller --due');
  const ids: number[] = [];
  for (const ref of refs) ids.push((await lookupCompany(ctx, ref)).id);
  const r = await call(ctx, 'privacy.anonymise', { ids });
  ctx.out(`${r.anonymised} virksomheder anonymiseret${r.skipped.length ? `, ${r.skipped.length} var allerede` : ''}`);
  return EXIT_OK;
}

async function retention(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, { json: { type: 'boolean' } });
  const rows = [];
  let page = await call(ctx, 'privacy.retentionCandidates', { offset: 0, limit: 500 });
  rows.push(...page.rows);
  while (rows.length < page.total && page.rows.length > 0) {
    page = await call(ctx, 'privacy.retentionCandidates', { offset: rows.length, limit: 500 });
    rows.push(...page.rows);
  }
  if (values.json) ctx.out(JSON.stringify({ ...page, rows }, null, 2));
  else {
    for (const r of rows) ctx.out([r.closedAt.slice(0, 10), r.cvr ?? '—', r.name, r.kommune ?? ''].join('\t'));
    ctx.out(`${rows.length} sager lukket før ${page.closedBefore.slice(0, 10)} (opbevaring ${page.retentionYears} år)`);
  }
  return EXIT_OK;
}

async function accessRequest(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    company: { type: 'string' },
    person: { type: 'string' },
    out: { type: 'string' },
  });
  if (!values.company === !values.person) throw new UsageError('Angiv enten --company CVR|ID eller --person NAVN');
  const subject = values.company
    ? { companyId: (await lookupCompany(ctx, values.company)).id }
    : { personName: values.person ?? '' };
  const r = await call(ctx, 'privacy.accessRequest', { ...subject, path: values.out });
  ctx.out(`Indsigtsfil skrevet: ${r.path} (${r.companies} virksomheder, ${r.contacts} kontaktpersoner)`);
  return EXIT_OK;
}

async function log(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    company: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  });
  const limit = values.limit === undefined ? 100 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError('--limit skal være 1–500');
  const companyId = values.company ? (await lookupCompany(ctx, values.company)).id : undefined;
  const page = await call(ctx, 'privacy.accessLog', { offset: 0, limit, companyId });
  if (values.json) ctx.out(JSON.stringify(page, null, 2));
  else {
    for (const r of page.rows)
      ctx.out([r.at, r.actor, r.action, r.method, r.companyId ?? '', r.detail ?? ''].join('\t'));
    ctx.out(`${page.rows.length} af ${page.total} linjer`);
  }
  return EXIT_OK;
}

export const privacyCommand: CliCommand = {
  name: 'privacy',
  summary: 'Persondata: slet, anonymisér, indsigt, opbevaring og adgangslog',
  usage:
    'privacy delete --company CVR|ID --yes [--delete-files]\n' +
    '       privacy anonymise --company CVR|ID… | --due\n' +
    '       privacy retention [--json]\n' +
    '       privacy access-request (--company CVR|ID | --person NAVN) [--out FIL]\n' +
    '       privacy log [--company CVR|ID] [--limit N] [--json]',
  run: (args, ctx) => {
    const [sub, ...rest] = args;
    switch (sub) {
      case 'delete':
        return remove(rest, ctx);
      case 'anonymise':
        return anonymise(rest, ctx);
      case 'retention':
        return retention(rest, ctx);
      case 'access-request':
        return accessRequest(rest, ctx);
      case 'log':
        return log(rest, ctx);
      default:
        throw new UsageError(`privacy: ukendt underkommando ${sub ?? '(ingen)'}`);
    }
  },
};
