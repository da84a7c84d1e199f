import { formatDateDa } from '../../../src-shared/format/dates';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { NEED_KEYS, type NeedKey, VISIT_TYPES, type VisitType } from '../../core/domain/needs';
import { invalidField } from '../../core/errors';
import { message } from '../../core/messages';
import type { Visit } from '../../core/visits/visit-schema';
import { type CliCommand, type CliContext, call, EXIT_OK, lookupCompany, UsageError } from '../cli-context';
import { parseCommandArgs } from '../parse';
import { subcommands } from '../subcommands';

const norm = (s: string) => s.trim().toLocaleLowerCase('da');

/** A need by key (`financing`) or by its Danish name (`finansiering`). */
export function needKey(value: string): NeedKey {
  const found = NEED_KEYS.find((k) => k === norm(value) || norm(message(labelKey.need(k))) === norm(value));
  if (!found) throw new UsageError(message('cli.unknownNeed', { value, options: NEED_KEYS.join(', ') }));
  return found;
}

/** A contact type by key (`phone`) or Danish name (`telefon`). */
export function visitType(value: string): VisitType {
  const found = VISIT_TYPES.find((k) => k === norm(value) || norm(message(labelKey.visitType(k))) === norm(value));
  if (!found) throw new UsageError(message('cli.unknownType', { value, options: VISIT_TYPES.join(', ') }));
  return found;
}

/** `DATE:TEXT`, split at the first colon; without a date the API refuses it (exit 1). */
export function followupArg(value: string): { dueDate: string; title: string } {
  const i = value.indexOf(':');
  return i < 0
    ? { dueDate: '', title: value.trim() }
    : { dueDate: value.slice(0, i), title: value.slice(i + 1).trim() };
}

function integer(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(message('cli.integer', { flag }));
  return n;
}

async function add(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    company: { type: 'string' },
    date: { type: 'string' },
    time: { type: 'string' },
    duration: { type: 'string' },
    type: { type: 'string' },
    consultant: { type: 'string' },
    participant: { type: 'string', multiple: true },
    location: { type: 'string' },
    business: { type: 'string' },
    need: { type: 'string', multiple: true },
    'needs-text': { type: 'string' },
    potential: { type: 'string' },
    advice: { type: 'boolean' },
    'next-steps': { type: 'string' },
    notes: { type: 'string' },
    followup: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  if (!values.company) throw new UsageError(message('cli.visits.companyRequired', { sub: 'add' }));
  if (!values.date) throw new UsageError(message('cli.visits.dateRequired'));
  const company = await lookupCompany(ctx, values.company);
  const contacts = await call(ctx, 'contacts.list', { companyId: company.id });
  const participantIds = (values.participant ?? []).map((p, i) => {
    const found = contacts.find((c) => String(c.id) === p.trim() || norm(c.name) === norm(p));
    if (!found) throw invalidField(`participantIds.${i}`, 'contacts.unknown');
    return found.id;
  });
  const consultantId = values.consultant
    ? (await call(ctx, 'consultants.ensure', { name: values.consultant })).id
    : undefined;
  const saved = await call(ctx, 'visits.create', {
    companyId: company.id,
    date: values.date,
    startTime: values.time,
    durationMinutes: integer(values.duration, '--duration'),
    type: values.type ? visitType(values.type) : 'visit',
    consultantId,
    participantIds,
    location: values.location,
    businessDescription: values.business,
    needs: (values.need ?? []).map(needKey),
    needsText: values['needs-text'],
    potential: integer(values.potential, '--potential'),
    adviceGiven: values.advice ?? false,
    nextSteps: values['next-steps'],
    notes: values.notes,
    followups: (values.followup ?? []).map(followupArg),
  });
  if (values.json) ctx.out(JSON.stringify(saved, null, 2));
  else {
    const v = saved.visit;
    ctx.out(
      message('cli.visits.recorded', {
        type: labelKey.visitType(v.type),
        date: formatDateDa(v.date),
        company: company.name,
        id: v.id,
      }),
    );
    if (saved.company.status !== saved.company.previousStatus)
      ctx.out(
        message('cli.visits.statusMoved', {
          from: labelKey.companyStatus(saved.company.previousStatus),
          to: labelKey.companyStatus(saved.company.status),
        }),
      );
    for (const f of v.followups)
      ctx.out(message('cli.visits.followup', { date: formatDateDa(f.dueDate), title: f.title, id: f.id }));
  }
  return EXIT_OK;
}

function summaryLine(v: Visit): string {
  const needs = v.needs.map((n) => message(labelKey.need(n))).join(', ');
  const text = (v.notes ?? v.businessDescription ?? '').replace(/\s+/g, ' ');
  return [
    formatDateDa(v.date),
    v.startTime ?? '',
    message(labelKey.visitType(v.type)),
    v.consultant ?? '',
    needs,
    text.length > 60 ? `${text.slice(0, 59)}…` : text,
  ].join('\t');
}

async function list(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, { company: { type: 'string' }, json: { type: 'boolean' } });
  if (!values.company) throw new UsageError(message('cli.visits.companyRequired', { sub: 'list' }));
  const company = await lookupCompany(ctx, values.company);
  const rows: Visit[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await call(ctx, 'visits.list', { companyId: company.id, offset, limit: 200 });
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total) break;
  }
  if (values.json) ctx.out(JSON.stringify(rows, null, 2));
  else {
    for (const v of rows) ctx.out(summaryLine(v));
    ctx.out(message('cli.visits.count', { count: rows.length, company: company.name }));
  }
  return EXIT_OK;
}

export const visitsCommand: CliCommand = {
  name: 'visits',
  summary: message('cli.visits.summary'),
  usage: message('cli.visits.usage', { needs: NEED_KEYS.join(', ') }),
  run: subcommands('cli.visits.unknownSub', { add, list }),
};
