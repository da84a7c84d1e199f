import { useState } from 'react';
import type { ReportQuery } from '../api/types';
import { defaultPeriod, parseDaDate, toDaDate } from './report-period';

/** The period from the address (`#/report?from=…&to=…&asOf=…`, as the demo offer links it) or this year. */
function initialQuery(): ReportQuery {
  const search = window.location.hash.split('?')[1] ?? '';
  const params = new URLSearchParams(search);
  const iso = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
  const fallback = defaultPeriod();
  const from = iso(params.get('from')) ?? fallback.from;
  const to = iso(params.get('to')) ?? fallback.to;
  return { from, to, asOf: iso(params.get('asOf')) ?? to };
}

export type DateField = 'from' | 'to' | 'asOf';

/** The report's query plus the date texts as typed; a text that is a valid date updates the query. */
export function useReportQuery() {
  const [query, setQuery] = useState<ReportQuery>(initialQuery);
  const [texts, setTexts] = useState<Record<DateField, string>>(() => ({
    from: toDaDate(query.from),
    to: toDaDate(query.to),
    asOf: toDaDate(query.asOf ?? query.to),
  }));
  const invalid = (field: DateField) => parseDaDate(texts[field]) === undefined;
  const setText = (field: DateField, text: string) => {
    setTexts((t) => ({ ...t, [field]: text }));
    const iso = parseDaDate(text);
    if (iso === undefined) return;
    // Moving the end date drags the as-of date along while they were the same day.
    const follow = field === 'to' && (query.asOf === undefined || query.asOf === query.to);
    setQuery({ ...query, [field]: iso, ...(follow ? { asOf: iso } : {}) });
    if (follow) setTexts((t) => ({ ...t, [field]: text, asOf: toDaDate(iso) }));
  };
  const setFilters = (f: Partial<Pick<ReportQuery, 'kommuneCodes' | 'consultantIds'>>) =>
    setQuery((q) => ({ ...q, ...f }));
  return { query, texts, invalid, setText, setFilters };
}
