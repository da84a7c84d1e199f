import { useState } from 'react';
import type { ExportFormat } from '../api/types';
import type { CaseloadState } from '../caseload/caseload-state';
import { Popover } from '../components/Popover';
import { useT } from '../i18n/I18nProvider';
import { ExportDialog } from './ExportDialog';

const FORMATS: ExportFormat[] = ['csv', 'xlsx', 'caseload'];

/** The caseload toolbar's "Eksportér": a format, then a dialog that asks for scope and place. */
export function ExportMenu({ state }: { state: Pick<CaseloadState, 'filters' | 'search' | 'searchNotes' | 'sort'> }) {
  const t = useT();
  const [format, setFormat] = useState<ExportFormat | null>(null);
  // A new key closes the popover after a choice (it keeps its own open state).
  const [round, setRound] = useState(0);
  return (
    <>
      <Popover key={round} label={t('export.menu')} align="end" className="export-menu">
        <div className="menu-list">
          {FORMATS.map((f) => (
            <button
              key={f}
              type="button"
              className="btn btn-quiet menu-item"
              onClick={() => {
                setFormat(f);
                setRound((r) => r + 1);
              }}
            >
              {t(`export.${f}`)}
            </button>
          ))}
        </div>
      </Popover>
      {format ? <ExportDialog format={format} state={state} onClose={() => setFormat(null)} /> : null}
    </>
  );
}
