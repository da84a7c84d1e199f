import { formatDateDa } from '../../../src-shared/format/dates';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { NEED_KEYS, type NeedKey, VISIT_TYPES, type VisitType } from '../../core/domain/needs';
import { invalidField } from '../../core/errors';
import { message } from '../../core/messages';
import type { Visit } from '../../core/visits/visit-schema';
import { type CliContext, call, command, lookupCompany, UsageError } from '../cli-context';
import { printResult, readAllPages } from '../output';
import { integerFlag, parseFlags } from '../parse';
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

async function add(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseFlags(args, {
    string: [
      'company',
      'date',
      'time',
      'duration',
      'type',
      'consultant',
      'location',
      'business',
      'needs-text',
      'potential',
      'next-steps',
      'notes',
    ],
    multiple: ['participant', 'need', 'followup'],
    boolean: ['advice', 'json'],
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
    durationMinutes: integerFlag(values.duration, '--duration'),
    type: values.type ? visitType(values.type) : 'visit',
    consultantId,
    participantIds,
    location: values.location,
    businessDescription: values.business,
    needs: (values.need ?? []).map(needKey),
    needsText: values['needs-text'],
    potential: integerFlag(values.potential, '--potential'),
    adviceGiven: values.advice ?? false,
    nextSteps: values['next-steps'],
    notes: values.notes,
    followups: (values.followup ?? []).map(followupArg),
  });
  return printResult(ctx, values.json, saved, () => {
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
  });
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
  const { values } = parseFlags(args, { string: ['company'], boolean: ['json'] });
  if (!values.company) throw new UsageError(message('cli.visits.companyRequired', { sub: 'list' }));
  const company = await lookupCompany(ctx, values.company);
  const { rows } = await readAllPages(
    (offset, limit) => call(ctx, 'visits.list', { companyId: company.id, offset, limit }),
    200,
  );
  return printResult(ctx, values.json, rows, () => {
    for (const v of rows) ctx.out(summaryLine(v));
    ctx.out(message('cli.visits.count', { count: rows.length, company: company.name }));
  });
}

export const visitsCommand = command('visits', subcommands('cli.visits.unknownSub', { add, list }), {
  usageParams: { needs: NEED_KEYS.join(', ') },
});
