import { invalidField } from '../errors';
import type { ReportQuery } from './report-schema';

function validIso(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The SQL parameters every report statement takes, after checking the period makes sense. */
export function reportParams(q: ReportQuery) {
  for (const field of ['from', 'to', 'asOf'] as const) {
    const v = q[field];
    if (v !== undefined && !validIso(v)) throw invalidField(field, 'validation.dateFormat');
  }
  if (q.from > q.to) throw invalidField('to', 'report.periodOrder');
  const asOf = q.asOf ?? q.to;
  const list = (v: number[] | undefined) => (v && v.length > 0 ? JSON.stringify(v) : null);
  return {
    asOf,
    sql: {
      from: q.from,
      after: nextDay(q.to),
      asOfAfter: nextDay(asOf),
      kommunes: list(q.kommuneCodes),
      consultants: list(q.consultantIds),
    },
  };
}
