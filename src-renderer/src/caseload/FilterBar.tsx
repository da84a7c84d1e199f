import { Search } from 'lucide-react';
import { COMPANY_STATUSES } from '../../../src-shared/codes/companies';
import { labelKey } from '../../../src-shared/messages/code-labels';
import type { CaseloadFilters } from '../api/types';
import { MultiSelect } from '../components/MultiSelect';
import { Popover } from '../components/Popover';
import { useToasts } from '../components/Toasts';
import { useT } from '../i18n/I18nProvider';
import { useDebouncedInput } from '../lib/use-debounced';
import { useMe } from '../lib/use-me';
import { refreshConsultants, refreshTags, useConsultants, useKommuner, useTags } from '../lib/use-reference';
import { type CaseloadState, hasFilters } from './caseload-state';

/**
 * The pause after a key before the caseload is searched. A word of three letters or more is
 * answered from the word index without counting first (the count follows after a pause in typing),
 * a few milliseconds at 100,000 firms, so it is searched almost at once: the pause only gathers
 * keys that come together (a paste, a key held down). A query still out when the next is due makes
 * the next one wait (RowLoader.start), so typing queues at most one query. One or two letters wait
 * longer: they match the start of firm names and are rarely what the consultant means to search.
 */
function searchDelay(text: string): number {
  const letters = text.trim().length;
  return letters === 1 || letters === 2 ? 300 : 20;
}

interface Props {
  state: CaseloadState;
  onFilters(filters: CaseloadFilters): void;
  onSearch(search: string): void;
  onSearchNotes(on: boolean): void;
  onReset(): void;
}

/** "Mine": the consultant filter holds exactly me. */
const mineOnly = (selected: readonly number[] | undefined, me: number) => selected?.length === 1 && selected[0] === me;

/** Search box and per-column filters; all filtering runs in SQLite. */
export function FilterBar({ state, onFilters, onSearch, onSearchNotes, onReset }: Props) {
  const t = useT();
  const { reportError } = useToasts();
  const kommuner = useKommuner(reportError);
  const consultants = useConsultants(reportError);
  const tags = useTags(reportError);
  const me = useMe(reportError);
  const [search, setSearch] = useDebouncedInput(state.search, onSearch, searchDelay);
  const [industry, setIndustry] = useDebouncedInput(state.filters.industry ?? '', (v) =>
    onFilters({ ...state.filters, industry: v || undefined }),
  );
  const f = state.filters;
  // The filters behind "Flere filtre", counted on its button so a hidden filter is never forgotten.
  const more = (f.consultant?.length ?? 0) + (f.tags?.length ?? 0) + (f.industry ? 1 : 0);

  return (
    <search className="filterbar" aria-label={t('caseload.filters')}>
      <div className="search">
        <Search className="search-icon" size={16} aria-hidden="true" />
        <input
          type="search"
          className="input search-input"
          aria-label={t('caseload.search')}
          placeholder={t('caseload.searchPlaceholder')}
          title={t('caseload.searchHint')}
          value={search}
          maxLength={200}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            // From the search straight to its first match, without tabbing through the filters.
            if (e.key !== 'ArrowDown') return;
            const row = document.querySelector<HTMLElement>('[role="grid"] tbody tr[tabindex="0"]');
            if (!row) return;
            e.preventDefault();
            row.focus();
          }}
        />
      </div>
      <label className="option search-notes">
        <input type="checkbox" checked={state.searchNotes} onChange={(e) => onSearchNotes(e.target.checked)} />
        {t('caseload.searchNotes')}
      </label>
      <MultiSelect
        label={t('filter.kommune')}
        options={kommuner.map((k) => ({ value: k.code, label: k.name }))}
        selected={f.kommune ?? []}
        onChange={(kommune) => onFilters({ ...f, kommune })}
      />
      <MultiSelect
        label={t('filter.status')}
        options={COMPANY_STATUSES.map((s) => ({ value: s, label: t(labelKey.companyStatus(s)) }))}
        selected={f.status ?? []}
        onChange={(status) => onFilters({ ...f, status })}
      />
      {me ? (
        <button
          type="button"
          className="btn btn-quiet"
          aria-pressed={mineOnly(f.consultant, me.id)}
          onClick={() => onFilters({ ...f, consultant: mineOnly(f.consultant, me.id) ? undefined : [me.id] })}
        >
          {t('followups.mineNamed', { name: me.name })}
        </button>
      ) : null}
      <Popover
        label={t('filter.more')}
        summary={more ? t('filter.selected', { count: more }) : undefined}
        active={more > 0}
        className="more-filters"
        // Consultants and tags are added by forms, imports and other windows: fetch the lists afresh.
        onOpen={() => {
          void refreshConsultants().catch(reportError);
          void refreshTags().catch(reportError);
        }}
      >
        <fieldset className="option-list more-filters-group" aria-label={t('filter.consultant')}>
          <legend>{t('filter.consultant')}</legend>
          {[{ id: 0, name: t('filter.noConsultant') }, ...consultants].map((c) => (
            <label key={c.id} className="option">
              <input
                type="checkbox"
                checked={(f.consultant ?? []).includes(c.id)}
                onChange={(e) =>
                  onFilters({
                    ...f,
                    consultant: e.target.checked
                      ? [...(f.consultant ?? []), c.id]
                      : (f.consultant ?? []).filter((x) => x !== c.id),
                  })
                }
              />
              <span>{c.name}</span>
            </label>
          ))}
        </fieldset>
        {tags.length ? (
          <fieldset className="option-list more-filters-group" aria-label={t('tags.filterLabel')}>
            <legend>{t('tags.filterLabel')}</legend>
            {tags.map((tag) => (
              <label key={tag.id} className="option">
                <input
                  type="checkbox"
                  checked={(f.tags ?? []).includes(tag.id)}
                  onChange={(e) => {
                    const next = e.target.checked
                      ? [...(f.tags ?? []), tag.id]
                      : (f.tags ?? []).filter((x) => x !== tag.id);
                    onFilters({ ...f, tags: next.length ? next : undefined });
                  }}
                />
                <span>{tag.name}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <label className={`industry-filter${f.industry ? ' is-active' : ''}`}>
          <span>{t('filter.industry')}</span>
          <input
            className="input input-narrow"
            inputMode="numeric"
            placeholder={t('filter.industryPlaceholder')}
            value={industry}
            maxLength={8}
            onChange={(e) => setIndustry(e.target.value.replace(/[^\d.]/g, ''))}
          />
        </label>
      </Popover>
      {hasFilters(state) ? (
        <button type="button" className="btn btn-quiet" onClick={onReset}>
          {t('caseload.clearFilters')}
        </button>
      ) : null}
    </search>
  );
}
