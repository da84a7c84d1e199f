import { DE_MINIMIS_SECTORS, type DeMinimisSector } from '../../../src-shared/codes/deminimis';
import { formatDateDa } from '../../../src-shared/format/dates';
import { formatEuro, formatMoney, parseMoney } from '../../../src-shared/format/money';
import { labelKey } from '../../../src-shared/messages/code-labels';
import type { DeMinimisReport } from '../../api/contract';
import { message } from '../../core/messages';
import { type CliContext, call, command, lookupCompany, UsageError } from '../cli-context';
import { printResult } from '../output';
import { oneOf, parseFlags } from '../parse';

const euro = (cents: number) => cents / 100;

function sectorOf(value: string | undefined): DeMinimisSector | undefined {
  return value === undefined ? undefined : oneOf(value, DE_MINIMIS_SECTORS, 'cli.unknownType');
}

/** An amount as typed ("12.345,67", "12345"); the sign is kept, so the ledger refuses a negative one by name. */
function amountOf(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const cents = parseMoney(value);
  if (cents === undefined) throw new UsageError(message('cli.deminimis.amount', { flag }));
  return cents;
}

/** The JSON shape scripts read: the sector's own limit, and the headroom all limits leave. */
export function deMinimisJson(r: DeMinimisReport) {
  const own = r.limits[0];
  return {
    rule: own?.regulation,
    sector: r.sector,
    on: r.on,
    ceiling_eur: euro(own?.ceilingEurCents ?? 0),
    counted_eur: euro(own?.countedEurCents ?? 0),
    headroom_eur: euro(r.headroomEurCents),
    window: { from: own?.from, to: own?.to },
    limits: r.limits.map((l) => ({
      rule: l.regulation,
      sector: l.sector,
      period: l.period,
      from: l.from,
      to: l.to,
      ceiling_eur: euro(l.ceilingEurCents),
      counted_eur: euro(l.countedEurCents),
      headroom_eur: euro(l.headroomEurCents),
    })),
    aid: r.aid.map((a) => ({
      date: a.grantedOn,
      grantor: a.grantor,
      scheme: a.scheme,
      sector: a.sector,
      eur: euro(a.eurCents),
      dkk: a.ore === null ? null : a.ore / 100,
      source: a.source,
      counted: a.counted,
    })),
  };
}

async function status(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseFlags(args, { string: ['company', 'on', 'sector'], boolean: ['json'] });
  if (!values.company) throw new UsageError(message('cli.deminimis.usage'));
  const company = await lookupCompany(ctx, values.company);
  const r = await call(ctx, 'deminimis.status', {
    companyId: company.id,
    on: values.on,
    sector: sectorOf(values.sector),
  });
  return printResult(ctx, values.json, deMinimisJson(r), () => printStatus(ctx, r));
}

function printStatus(ctx: CliContext, r: DeMinimisReport): void {
  ctx.out(`${r.companyName}${r.companyCvr ? ` (CVR ${r.companyCvr})` : ''}`);
  for (const l of r.limits) {
    ctx.out(
      message('deminimis.rule', {
        regulation: l.regulation,
        ceiling: formatEuro(l.ceilingEurCents),
        period: message(labelKey.deMinimisPeriod(l.period)),
      }),
    );
    ctx.out(`  ${message('deminimis.window', { from: formatDateDa(l.from), to: formatDateDa(l.to) })}`);
    ctx.out(`  ${message('deminimis.counted')}: ${formatEuro(l.countedEurCents)}`);
  }
  ctx.out(message('deminimis.headroomOn', { amount: formatEuro(r.headroomEurCents), date: formatDateDa(r.on) }));
  if (r.aid.length === 0) ctx.out(message('deminimis.empty'));
  for (const a of r.aid)
    ctx.out(
      [
        formatDateDa(a.grantedOn),
        formatEuro(a.eurCents),
        a.ore === null ? '' : formatMoney(a.ore),
        a.grantor,
        a.scheme ?? '',
        message(labelKey.deMinimisSource(a.source)),
        a.counted ? message('deminimis.column.counted') : '',
      ].join('\t'),
    );
}

async function add(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseFlags(args, {
    string: ['company', 'date', 'eur', 'dkk', 'grantor', 'scheme', 'sector', 'note'],
    boolean: ['json'],
  });
  if (!values.company || !values.date || !values.eur || !values.grantor)
    throw new UsageError(message('cli.deminimis.usage'));
  const company = await lookupCompany(ctx, values.company);
  const entry = await call(ctx, 'deminimis.add', {
    companyId: company.id,
    grantedOn: values.date,
    grantor: values.grantor,
    scheme: values.scheme,
    sector: sectorOf(values.sector),
    amountEurCents: amountOf('--eur', values.eur) as number,
    amountOre: amountOf('--dkk', values.dkk),
    note: values.note,
  });
  return printResult(ctx, values.json, entry, () =>
    ctx.out(
      message('cli.deminimis.added', {
        amount: formatEuro(entry.eurCents),
        grantor: entry.grantor,
        date: formatDateDa(entry.grantedOn),
        company: company.name,
      }),
    ),
  );
}

/** `deminimis --company REF [--on DATE] [--sector S] [--json]` and `deminimis add …`. */
export const deminimisCommand = command('deminimis', (args, ctx) =>
  args[0] === 'add' ? add(args.slice(1), ctx) : status(args, ctx),
);
