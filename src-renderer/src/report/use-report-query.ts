import { useEffect, useState } from 'react';
import type { ReportQuery, ReportSettings } from '../api/types';
import { defaultPeriod, type Period, parseDaDate, toDaDate } from './report-period';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The period in the address (`#/report?from=…&to=…&asOf=…`), when it names one. */
function periodInAddress(): (Period & { asOf?: string }) | null {
  const params = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  const iso = (v: string | null) => (v && ISO.test(v) ? v : undefined);
  const from = iso(params.get('from'));
  const to = iso(params.get('to'));
  return from && to ? { from, to, asOf: iso(params.get('asOf')) } : null;
}

/** Keeps the period in the address, so a reload or a shared link shows the same report. */
function writeAddress(q: ReportQuery): void {
  const params = new URLSearchParams({ from: q.from, to: q.to, asOf: q.asOf ?? q.to });
  const hash = `#/report?${params.toString()}`;
  if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
}

export type DateField = 'from' | 'to' | 'asOf';

const textsOf = (q: ReportQuery): Record<DateField, string> => ({
  from: toDaDate(q.from),
  to: toDaDate(q.to),
  asOf: toDaDate(q.asOf ?? q.to),
});

/**
 * The report's query plus the date texts as typed; a text that is a valid date updates the query.
 * Until the report settings have arrived (and the address names no period) there is no query.
 */
export function useReportQuery(settings: ReportSettings | null, settingsLoaded: boolean) {
  const [query, setQuery] = useState<ReportQuery | null>(() => {
    const p = periodInAddress();
    return p ? { from: p.from, to: p.to, asOf: p.asOf ?? p.to } : null;
  });
  const [texts, setTexts] = useState<Record<DateField, string>>(() =>
    query ? textsOf(query) : { from: '', to: '', asOf: '' },
  );

  useEffect(() => {
    if (query || !settingsLoaded) return;
    const p = defaultPeriod(settings);
    const q = { from: p.from, to: p.to, asOf: p.to };
    setQuery(q);
    setTexts(textsOf(q));
  }, [query, settings, settingsLoaded]);

  useEffect(() => {
    if (query) writeAddress(query);
  }, [query]);

  const invalid = (field: DateField) => query !== null && parseDaDate(texts[field]) === undefined;
  const setText = (field: DateField, text: string) => {
    setTexts((t) => ({ ...t, [field]: text }));
    const iso = parseDaDate(text);
    if (iso === undefined || !query) return;
    // Moving the end date drags the as-of date along while they were the same day.
    const follow = field === 'to' && (query.asOf === undefined || query.asOf === query.to);
    setQuery({ ...query, [field]: iso, ...(follow ? { asOf: iso } : {}) });
    if (follow) setTexts((t) => ({ ...t, [field]: text, asOf: toDaDate(iso) }));
  };
  const setPeriod = (p: Period) => {
    const q = { ...(query ?? {}), from: p.from, to: p.to, asOf: p.to };
    setQuery(q);
    setTexts(textsOf(q));
  };
  const setFilters = (f: Partial<Pick<ReportQuery, 'kommuneCodes' | 'consultantIds'>>) =>
    setQuery((q) => (q ? { ...q, ...f } : q));
  return { query, texts, invalid, setText, setPeriod, setFilters };
}
