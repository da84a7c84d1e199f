import { VISIT_TYPES } from '../../../src-shared/codes/visits';
import { formatDateDa, todayIso } from '../../../src-shared/format/dates';
import type { Contact, NeedKey, Visit, VisitCreateInput, VisitType, VisitUpdateInput } from '../api/types';

/**
 * The visit form's values as the consultant types them (all text, so a half-typed time or date
 * survives a draft round trip), and the conversions to and from the API's shapes.
 */
export interface FollowUpRow {
  /** Stable React key for a row; not sent. */
  key: string;
  title: string;
  dueDate: string;
}

export interface VisitFormValues {
  date: string;
  startTime: string;
  endTime: string;
  durationMinutes: string;
  type: VisitType;
  consultantId: string;
  participantIds: number[];
  location: string;
  businessDescription: string;
  needs: NeedKey[];
  needsText: string;
  potential: string;
  adviceGiven: boolean;
  nextSteps: string;
  notes: string;
  followups: FollowUpRow[];
}

export type VisitFieldName = Exclude<keyof VisitFormValues, 'followups'>;

export interface FormErrors {
  fields: Partial<Record<VisitFieldName, string>>;
  /** Per follow-up row (by index): field → message. */
  followups: Array<Partial<Record<'title' | 'dueDate', string>>>;
  /** Messages for fields the form does not show on their own. */
  other: string[];
}

export function danishDate(d: Date): string {
  return formatDateDa(todayIso(d));
}

/** `2026-11-27` → `27.11.2026`; anything else unchanged. */
export function isoToDanish(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

let rowCounter = 0;
export function newFollowUpRow(): FollowUpRow {
  rowCounter += 1;
  return { key: `r${Date.now().toString(36)}${rowCounter}`, title: '', dueDate: '' };
}

/**
 * A new visit's defaults: today, a visit, the company's consultant (else the consultant named in
 * settings) and the owner as participant, so a typical visit needs only its content typed.
 */
export function defaultValues(opts: {
  today: Date;
  consultantId: number | null;
  contacts: readonly Contact[];
}): VisitFormValues {
  return {
    date: danishDate(opts.today),
    startTime: '',
    endTime: '',
    durationMinutes: '',
    type: 'visit',
    consultantId: opts.consultantId === null ? '' : String(opts.consultantId),
    participantIds: opts.contacts.filter((c) => c.isOwner).map((c) => c.id),
    location: '',
    businessDescription: '',
    needs: [],
    needsText: '',
    potential: '',
    adviceGiven: false,
    nextSteps: '',
    notes: '',
    followups: [],
  };
}

export function valuesFromVisit(v: Visit): VisitFormValues {
  return {
    date: isoToDanish(v.date),
    startTime: v.startTime ?? '',
    endTime: v.endTime ?? '',
    durationMinutes: v.durationMinutes === null ? '' : String(v.durationMinutes),
    type: v.type,
    consultantId: v.consultantId === null ? '' : String(v.consultantId),
    participantIds: v.participants.map((p) => p.id),
    location: v.location ?? '',
    businessDescription: v.businessDescription ?? '',
    needs: [...v.needs],
    needsText: v.needsText ?? '',
    potential: v.potential === null ? '' : String(v.potential),
    adviceGiven: v.adviceGiven,
    nextSteps: v.nextSteps ?? '',
    notes: v.notes ?? '',
    followups: [],
  };
}

const blank = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** A duration the consultant typed; text that is not a whole number is sent as-is for the API to refuse. */
function duration(s: string): number | null {
  const t = s.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : -1;
}

/** The visit's own fields, as both create and update send them. */
export function visitFields(v: VisitFormValues) {
  const endTime = blank(v.endTime);
  return {
    date: v.date.trim(),
    startTime: blank(v.startTime),
    // With an end time the API derives the duration; sending both would ask it to compare them.
    ...(endTime ? { endTime } : { durationMinutes: duration(v.durationMinutes) }),
    type: v.type,
    consultantId: v.consultantId ? Number(v.consultantId) : null,
    participantIds: [...v.participantIds],
    location: blank(v.location),
    businessDescription: blank(v.businessDescription),
    needs: [...v.needs],
    needsText: blank(v.needsText),
    potential: v.potential ? Number(v.potential) : null,
    adviceGiven: v.adviceGiven,
    nextSteps: blank(v.nextSteps),
    notes: blank(v.notes),
  };
}

/** Rows left completely empty are not follow-ups (an added row the consultant did not use). */
export function usedFollowUps(v: VisitFormValues): FollowUpRow[] {
  return v.followups.filter((f) => f.title.trim() !== '' || f.dueDate.trim() !== '');
}

/** The follow-ups to create with the save, assigned to the visit's consultant. */
function followUpInputs(v: VisitFormValues) {
  const consultantId = v.consultantId ? Number(v.consultantId) : null;
  return usedFollowUps(v).map((f) => ({ title: f.title.trim(), dueDate: f.dueDate.trim(), consultantId }));
}

export function toCreateInput(v: VisitFormValues, companyId: number, draftKey: string): VisitCreateInput {
  return { ...visitFields(v), companyId, draftKey, followups: followUpInputs(v) };
}

/** New follow-ups go with the update, so the visit and its follow-ups are saved together or not at all. */
export function toUpdateInput(v: VisitFormValues, visit: Visit, draftKey: string): VisitUpdateInput {
  return {
    id: visit.id,
    changes: visitFields(v),
    expectedUpdatedAt: visit.updatedAt,
    draftKey,
    followups: followUpInputs(v),
  };
}

/**
 * Splits the API's field messages over the form. Paths look like `date`, `participantIds.0`,
 * `followups.1.dueDate` or, from an update, `changes.date`.
 */
export function mapFieldErrors(
  fields: ReadonlyArray<{ field: string; message: string }>,
  /** The index into the form's rows of each follow-up that was sent (empty rows are skipped). */
  sentRows: readonly number[] = [],
): FormErrors {
  const out: FormErrors = { fields: {}, followups: [], other: [] };
  const known = new Set<string>(Object.keys(defaultValues({ today: new Date(0), consultantId: null, contacts: [] })));
  for (const { field, message } of fields) {
    const parts = field.split('.').filter((p) => p !== 'changes');
    const [head, second, third] = parts;
    if (head === 'followups' && second !== undefined) {
      const sent = Number(second);
      const row = sentRows[sent] ?? sent;
      const name = third === 'title' || third === 'dueDate' ? third : 'title';
      const slot = out.followups[row] ?? {};
      slot[name] ??= message;
      out.followups[row] = slot;
    } else if (head && known.has(head) && head !== 'followups') {
      const name = head as VisitFieldName;
      out.fields[name] ??= message;
    } else out.other.push(message);
  }
  return out;
}

export function hasErrors(e: FormErrors): boolean {
  return (
    Object.keys(e.fields).length > 0 || e.followups.some((f) => f && Object.keys(f).length > 0) || e.other.length > 0
  );
}

export const NO_ERRORS: FormErrors = { fields: {}, followups: [], other: [] };

/** Equality for dirtiness: row keys are not content. */
export function sameValues(a: VisitFormValues, b: VisitFormValues): boolean {
  const strip = (v: VisitFormValues) => ({ ...v, followups: v.followups.map((f) => [f.title, f.dueDate]) });
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

/**
 * Reads a draft payload back, keeping only values of the right shape: a draft written by an older
 * version (or edited by hand) must not break the form.
 */
export function restoreDraft(base: VisitFormValues, payload: Record<string, unknown>): VisitFormValues {
  const raw = payload.values;
  if (!raw || typeof raw !== 'object') return base;
  const src = raw as Record<string, unknown>;
  const out: VisitFormValues = { ...base };
  const text = (k: keyof VisitFormValues) => (typeof src[k] === 'string' ? (src[k] as string) : undefined);
  for (const k of [
    'date',
    'startTime',
    'endTime',
    'durationMinutes',
    'consultantId',
    'location',
    'businessDescription',
    'needsText',
    'potential',
    'nextSteps',
    'notes',
  ] as const) {
    const v = text(k);
    if (v !== undefined) out[k] = v;
  }
  if (typeof src.type === 'string' && (VISIT_TYPES as readonly string[]).includes(src.type))
    out.type = src.type as VisitType;
  if (typeof src.adviceGiven === 'boolean') out.adviceGiven = src.adviceGiven;
  if (Array.isArray(src.participantIds))
    out.participantIds = src.participantIds.filter((x): x is number => typeof x === 'number');
  if (Array.isArray(src.needs)) out.needs = src.needs.filter((x): x is NeedKey => typeof x === 'string') as NeedKey[];
  if (Array.isArray(src.followups))
    out.followups = src.followups
      .filter((f): f is Record<string, unknown> => Boolean(f) && typeof f === 'object')
      .map((f) => ({
        ...newFollowUpRow(),
        title: typeof f.title === 'string' ? f.title : '',
        dueDate: typeof f.dueDate === 'string' ? f.dueDate : '',
      }));
  return out;
}

export function draftKeyFor(companyId: number, visitId: number | null): string {
  return visitId === null ? `visit:new:${companyId}` : `visit:${visitId}`;
}
