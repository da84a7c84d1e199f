import { Keyboard } from 'lucide-react';
import { useEffect, useLayoutEffect, useState } from 'react';
import { api } from '../api';
import type { AppInfo } from '../api/types';
import { startBrowserReminders } from '../calendar/browser-reminders';
import { ToastProvider } from '../components/Toasts';
import { I18nProvider, useI18n } from '../i18n/I18nProvider';
import type { Language } from '../i18n/translate';
import { findRoute } from '../lib/router';
import { ErrorBoundary } from './ErrorBoundary';
import { navigate, useRoutePath } from './navigation';
import { type AppRoute, HOME_PATH, ROUTES } from './routes';
import { StorageWarning } from './StorageWarning';
import { ShortcutsHelp, useGlobalShortcuts, useHelpOverlay } from './shortcuts';
import { UpdateBanner } from './UpdateBanner';

export function App() {
  return (
    <I18nProvider>
      <ToastProvider>
        <Shell />
      </ToastProvider>
    </I18nProvider>
  );
}

function Shell() {
  const { t } = useI18n();
  const path = useRoutePath();
  const match = findRoute(ROUTES, path);

  useEffect(() => {
    if (path === '/') navigate(HOME_PATH);
  }, [path]);
  useEffect(startBrowserReminders, []);

  const help = useHelpOverlay();
  useGlobalShortcuts(path, help.show);
  const key = match ? pageKey(match.route, match.params) : path;
  useFocusRescue(key);

  const Page = match?.route.component;
  return (
    <div className="shell">
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        {t('app.skipToContent')}
      </button>
      <TopBar onHelp={help.show} />
      {help.open ? <ShortcutsHelp onClose={help.hide} /> : null}
      <nav className="sidenav" aria-label={t('app.navigation')}>
        <ul>
          {ROUTES.filter((r) => r.nav).map((r) => {
            const current = match?.route.section === r.section;
            const Icon = r.nav?.icon;
            return (
              <li key={r.pattern}>
                <a href={`#${r.pattern}`} className="sidenav-link" aria-current={current ? 'page' : undefined}>
                  {Icon ? <Icon className="sidenav-icon" size={16} aria-hidden="true" /> : null}
                  {r.nav ? t(r.nav.labelKey) : null}
                </a>
              </li>
            );
          })}
        </ul>
        <AppFacts />
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        <StorageWarning />
        <UpdateBanner />
        <ErrorBoundary key={key} title={t('error.title')} body={t('error.body')} retry={t('error.retry')}>
          {Page && match ? (
            <Page params={match.params} />
          ) : path === '/' ? null : (
            <div className="error-panel">
              <p>{t('app.notFound')}</p>
              <a href="#/companies">{t('app.backToCaseload')}</a>
            </div>
          )}
        </ErrorBoundary>
      </main>
    </div>
  );
}

/** Which database this window works on: a consultant with two caseloads must be able to tell. */
function AppFacts() {
  const { t } = useI18n();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    api.call('app.info', {}).then(setInfo, () => setInfo(null));
  }, []);
  if (!info) return null;
  const file = info.databasePath.split(/[\\/]/).pop() ?? info.databasePath;
  return (
    <dl className="app-facts">
      <dt>{t('app.database')}</dt>
      <dd title={info.databasePath}>{file}</dd>
      <dt>{t('app.version')}</dt>
      <dd>{info.version}</dd>
    </dl>
  );
}

/**
 * Which page instance a path shows: the same page with another tab keeps its state and its
 * focus (a tab change must not re-mount it); another page or another firm starts fresh.
 */
function pageKey(route: AppRoute, params: Record<string, string>): string {
  const { tab: _tab, ...rest } = params;
  return `${ROUTES.findIndex((r) => r.component === route.component)}:${JSON.stringify(rest)}`;
}

/**
 * When the focused element disappears (a page replaced, a list reloaded after a save), focus would
 * fall to <body> and the next Tab would start over from the top: put it on the main region instead.
 */
function useFocusRescue(key: string): void {
  useLayoutEffect(() => {
    if (!key) return;
    const active = document.activeElement;
    if (!active || active === document.body) document.getElementById('main')?.focus({ preventScroll: true });
  }, [key]);
  useEffect(() => {
    const onFocusOut = () => {
      window.requestAnimationFrame(() => {
        const active = document.activeElement;
        if ((!active || active === document.body) && !document.querySelector('dialog[open]'))
          document.getElementById('main')?.focus({ preventScroll: true });
      });
    };
    document.addEventListener('focusout', onFocusOut);
    return () => document.removeEventListener('focusout', onFocusOut);
  }, []);
}

function TopBar({ onHelp }: { onHelp(): void }) {
  const { t, lang, setLanguage } = useI18n();
  const languages: Language[] = ['da', 'en'];
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          B
        </span>
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <button type="button" className="btn btn-quiet topbar-help" onClick={onHelp} aria-keyshortcuts="?">
        <Keyboard size={16} aria-hidden="true" />
        {t('keys.open')}
      </button>
      <fieldset className="lang-switch">
        <legend className="visually-hidden">{t('app.language')}</legend>
        {languages.map((l) => (
          <button
            key={l}
            type="button"
            className="lang-option"
            aria-pressed={lang === l}
            lang={l}
            onClick={() => void setLanguage(l)}
          >
            {t(`app.language.${l}`)}
          </button>
        ))}
      </fieldset>
    </header>
  );
}
