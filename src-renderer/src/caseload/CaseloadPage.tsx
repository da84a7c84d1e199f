import { Plus } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import type { BulkLast } from '../api/types';
import { companyPath, navigate } from '../app/navigation';
import type { RouteProps } from '../app/routes';
import { BulkDialog } from '../bulk/BulkDialog';
import { CompanyFormDialog } from '../company-form/CompanyFormDialog';
import { useToasts } from '../components/Toasts';
import { BatchLettersDialog } from '../documents/BatchLettersDialog';
import { useRowSelection } from '../documents/use-row-selection';
import { useT } from '../i18n/I18nProvider';
import { ExportMenu } from '../interop/ExportMenu';
import { formatCount } from '../lib/format';
import { DemoOffer } from '../report/DemoOffer';
import { BulkTagsDialog } from '../tags/BulkTagsDialog';
import { CaseloadTable } from './CaseloadTable';
import { ColumnChooser } from './ColumnChooser';
import { applyViewState, cleanFilters, hasFilters, initialState } from './caseload-state';
import { caseloadStore, useCaseloadStore } from './caseload-store';
import { FilterBar } from './FilterBar';
import { useCaseloadRows } from './use-caseload-rows';
import { ViewPicker } from './ViewPicker';

export function CaseloadPage(_: RouteProps) {
  const t = useT();
  const { notify, reportError } = useToasts();
  const store = useCaseloadStore();
  const state = store.table;
  const rows = useCaseloadRows(state, store.dataVersion, reportError);
  const [creating, setCreating] = useState(false);
  const selection = useRowSelection(rows);
  const [lettersFor, setLettersFor] = useState<number[] | null>(null);
  const [tagging, setTagging] = useState(false);
  const total = rows.total;
  const filtered = hasFilters(state);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [lastBulk, setLastBulk] = useState<BulkLast | null>(null);
  const loadLastBulk = useCallback(
    () => api.call('companies.bulkLast', {}).then(setLastBulk, reportError),
    [reportError],
  );
  useEffect(() => {
    void loadLastBulk();
  }, [loadLastBulk]);
  const undoBulk = async () => {
    try {
      const r = await api.call('companies.bulkUndo', {});
      notify('success', t('bulk.undone', { changed: formatCount(r.changed) }));
      caseloadStore.dataChanged();
    } catch (err) {
      reportError(err);
    }
    await loadLastBulk();
  };

  return (
    <section className="page page-caseload" aria-labelledby="caseload-title">
      <div className="page-head">
        <div className="page-title">
          <h1 id="caseload-title">{t('caseload.title')}</h1>
          <output className="row-count" aria-live="polite">
            {total === null
              ? t('common.loading')
              : rows.counting
                ? t('caseload.count.many')
                : t(total === 1 ? 'caseload.count.one' : 'caseload.count.other', { count: formatCount(total) })}
          </output>
        </div>
        <div className="page-actions">
          <ViewPicker
            state={state}
            onApply={(view) =>
              caseloadStore.setTable(() => (view ? applyViewState(view.state, view.id) : initialState()))
            }
            onSaved={(view) => caseloadStore.setTable((s) => ({ ...s, viewId: view.id }), { keepPosition: true })}
            onDeleted={() => caseloadStore.setTable((s) => ({ ...s, viewId: null }), { keepPosition: true })}
          />
          {selection.selected.size ? (
            <>
              <button type="button" className="btn btn-quiet" onClick={selection.clear}>
                {t('doc.batch.clearSelection', { count: formatCount(selection.selected.size) })}
              </button>
              <button type="button" className="btn" onClick={() => setLettersFor([...selection.selected])}>
                {t('doc.batch.action', { count: formatCount(selection.selected.size) })}
              </button>
            </>
          ) : null}
          {total ? (
            <button type="button" className="btn" onClick={() => setTagging(true)}>
              {t('tags.bulkButton')}
            </button>
          ) : null}
          {lastBulk ? (
            <button type="button" className="btn btn-quiet" onClick={() => void undoBulk()}>
              {t('bulk.undo')}
            </button>
          ) : null}
          <button type="button" className="btn" onClick={() => setBulkOpen(true)}>
            {t('bulk.button')}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
            <Plus size={16} aria-hidden="true" />
            {t('caseload.new')}
          </button>
        </div>
      </div>
      <div className="toolbar">
        <FilterBar
          state={state}
          onSearch={(search) => caseloadStore.setTable((s) => ({ ...s, search }))}
          onFilters={(filters) => caseloadStore.setTable((s) => ({ ...s, filters }))}
          onSearchNotes={(searchNotes) => caseloadStore.setTable((s) => ({ ...s, searchNotes }))}
          onReset={() => caseloadStore.setTable((s) => ({ ...s, filters: {}, search: '', searchNotes: false }))}
        />
        <ColumnChooser
          order={state.columnOrder}
          hidden={state.hiddenColumns}
          onChange={(columnOrder, hiddenColumns) =>
            caseloadStore.setTable((s) => ({ ...s, columnOrder, hiddenColumns }), { keepPosition: true })
          }
        />
        <ExportMenu state={state} />
      </div>
      {total === 0 && !filtered ? <DemoOffer onCreated={caseloadStore.dataChanged} /> : null}
      <CaseloadTable
        state={state}
        rows={rows}
        activeIndex={store.activeIndex}
        initialScroll={store.scrollOffset}
        emptyText={
          !filtered
            ? t('caseload.emptyAll')
            : state.search.trim() && !state.searchNotes
              ? t('caseload.emptyTryNotes')
              : t('caseload.empty')
        }
        onActiveChange={caseloadStore.setActiveIndex}
        onSortChange={(sort) => caseloadStore.setTable((s) => ({ ...s, sort }))}
        onColumnOrderChange={(columnOrder) =>
          caseloadStore.setTable((s) => ({ ...s, columnOrder }), { keepPosition: true })
        }
        onScroll={caseloadStore.rememberScroll}
        onOpen={(row) => navigate(companyPath(row.id))}
        selectedIds={selection.selected}
        onRowClick={selection.onRowClick}
      />
      {bulkOpen ? (
        <BulkDialog
          selectedIds={[...selection.selected]}
          query={{ filters: cleanFilters(state.filters), search: state.search.trim(), notes: state.searchNotes }}
          matching={total ?? 0}
          onClose={() => setBulkOpen(false)}
          onDone={(r) => {
            setBulkOpen(false);
            notify('success', t('bulk.done', { changed: formatCount(r.changed), selected: formatCount(r.selected) }));
            caseloadStore.dataChanged();
            void loadLastBulk();
          }}
        />
      ) : null}
      {lettersFor ? <BatchLettersDialog companyIds={lettersFor} onClose={() => setLettersFor(null)} /> : null}
      {tagging ? (
        <BulkTagsDialog
          // Ticked rows when there are any; otherwise every firm the filter and search match.
          scope={
            selection.selected.size
              ? { kind: 'companies', ids: [...selection.selected] }
              : {
                  kind: 'query',
                  filters: state.filters,
                  search: state.search,
                  notes: state.searchNotes,
                  sort: state.sort,
                }
          }
          count={selection.selected.size || (total ?? 0)}
          onClose={() => setTagging(false)}
          onDone={() => {
            setTagging(false);
            caseloadStore.dataChanged();
          }}
        />
      ) : null}
      {creating ? (
        <CompanyFormDialog
          onClose={() => setCreating(false)}
          onSaved={(company) => {
            setCreating(false);
            notify('success', t('caseload.created', { name: company.name }));
            caseloadStore.dataChanged();
          }}
        />
      ) : null}
    </section>
  );
}
