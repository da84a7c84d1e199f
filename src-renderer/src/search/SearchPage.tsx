import { useEffect, useState } from 'react';
import { api } from '../api';
import type { VisitReference, VisitSearchPage } from '../api/types';
import { showRefusal, useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { formatDate } from '../lib/format';
import { useDebouncedInput } from '../lib/use-debounced';
import { useVisitReference } from '../visits/use-visit-reference';
import { Snippet } from './Snippet';
import './search.css';

/** `#/search`: full-text search over visit notes, each hit with its snippet. */
export function SearchPage() {
  const t = useT();
  const { reportError } = useToasts();
  const reference: VisitReference | null = useVisitReference(reportError);
  const [query, setQuery] = useState('');
  const [text, setText] = useDebouncedInput(query, setQuery, 250);
  const [result, setResult] = useState<VisitSearchPage | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!query.trim()) {
      setResult(null);
      return;
    }
    let live = true;
    api.call('search.visits', { query, limit: 50 }).then(
      (r) => {
        if (!live) return;
        setResult(r);
        setFailure(null);
      },
      (err: unknown) => {
        if (live) showRefusal(err, setFailure, reportError);
      },
    );
    return () => {
      live = false;
    };
  }, [query, reportError]);

  const typeLabel = (key: string) => reference?.visitTypes.find((x) => x.key === key)?.label ?? key;
  return (
    <section className="page page-search" aria-labelledby="search-title">
      <h1 id="search-title">{t('search.title')}</h1>
      <div className="search-box">
        <input
          type="search"
          className="input"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={text}
          maxLength={200}
          // biome-ignore lint/a11y/noAutofocus: the page exists to type a query.
          autoFocus
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {failure ? (
        <div className="banner banner-error" role="alert">
          {failure}
        </div>
      ) : null}
      {result ? (
        <>
          <p className="muted" role="status">
            {t(result.total === 1 ? 'search.count.one' : 'search.count.other', { count: result.total })}
            {/* Past a few thousand hits ranking them all would make every keystroke slow. */}
            {result.orderedBy === 'newest' ? ` · ${t('search.order.newest')}` : ` · ${t('search.order.rank')}`}
          </p>
          <ol className="search-hits">
            {result.rows.map((h) => (
              <li key={h.visitId} className="search-hit">
                <div className="search-hit-head">
                  <a href={`#/companies/${h.companyId}/visits`}>{h.companyName}</a>
                  <span className="muted">
                    {[formatDate(h.date), typeLabel(h.type), h.consultant].filter(Boolean).join(' · ')}
                  </span>
                </div>
                <Snippet segments={h.snippet} />
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="muted">{t('search.hint')}</p>
      )}
    </section>
  );
}
