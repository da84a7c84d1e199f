import { useCallback, useEffect, useState } from 'react';
import { Dialog } from '../components/Dialog';
import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/translate';
import { navigate } from './navigation';

/** A key typed into a field is text, not a command. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  return false;
}

/** The company page's id, when one is open (`/companies/12`, `/companies/12/visits`). */
function companyIdOf(path: string): string | null {
  const m = /^\/companies\/(\d+)(?:\/(\w+))?$/.exec(path);
  return m?.[1] ?? null;
}

/**
 * The app's own keys: `/` search, `N` a new visit on a company page, `?` this help. They never
 * fire while a field has the cursor, with a modifier held, or behind an open dialog.
 */
export function useGlobalShortcuts(path: string, openHelp: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      if (e.key === '?') {
        e.preventDefault();
        openHelp();
      } else if (e.key === '/') {
        e.preventDefault();
        const box = document.querySelector<HTMLInputElement>('main input[type="search"]');
        if (box) box.focus();
        else navigate('/search');
      } else if (e.key === 'n' || e.key === 'N') {
        const id = companyIdOf(path);
        if (!id) return;
        e.preventDefault();
        navigate(`/companies/${id}/visits/new`);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [path, openHelp]);
}

const HELP: ReadonlyArray<{ section: MessageKey; keys: ReadonlyArray<[string, MessageKey]> }> = [
  {
    section: 'keys.section.everywhere',
    keys: [
      ['/', 'keys.search'],
      ['?', 'keys.help'],
      ['← →', 'keys.tabs'],
    ],
  },
  {
    section: 'keys.section.caseload',
    keys: [
      ['↓', 'keys.toRows'],
      ['↑ ↓ Enter', 'keys.rows'],
    ],
  },
  { section: 'keys.section.company', keys: [['N', 'keys.newVisit']] },
  {
    section: 'keys.section.visit',
    keys: [
      ['Alt+B', 'keys.visitNeeds'],
      ['Alt+O', 'keys.visitFollowUp'],
      ['Ctrl+S', 'keys.visitSave'],
      ['Esc', 'keys.visitClose'],
    ],
  },
];

/** The `?` overlay: every shortcut, written once here. */
export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  const t = useT();
  return (
    <Dialog
      title={t('keys.title')}
      onClose={onClose}
      footer={
        <button type="button" className="btn btn-primary" onClick={onClose}>
          {t('keys.close')}
        </button>
      }
    >
      <div className="shortcuts">
        {HELP.map((group) => (
          <section key={group.section}>
            <h3>{t(group.section)}</h3>
            <dl>
              {group.keys.map(([keys, label]) => (
                <div key={label} className="shortcut">
                  <dt>
                    {keys.split(' ').map((k) => (
                      <kbd key={k}>{k}</kbd>
                    ))}
                  </dt>
                  <dd>{t(label)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}

/** State for the overlay, shared by the key and the top bar's button. */
export function useHelpOverlay(): { open: boolean; show: () => void; hide: () => void } {
  const [open, setOpen] = useState(false);
  const show = useCallback(() => setOpen(true), []);
  const hide = useCallback(() => setOpen(false), []);
  return { open, show, hide };
}
