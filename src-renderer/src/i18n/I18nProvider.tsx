import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api } from '../api';
import { setCurrentLanguage } from './language';
import { type Language, type TFunction, translate } from './translate';

export type { TFunction };

interface I18nValue {
  lang: Language;
  t: TFunction;
  /** Switches the UI and stores the choice, so the core answers in the same language. */
  setLanguage(lang: Language): Promise<void>;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Language>('da');
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .call('settings.get', {})
      .then((s) => {
        if (live && s['ui.language']) setLang(s['ui.language']);
      })
      // Without settings the app still works in Danish; the first real call will show the problem.
      .catch(() => undefined)
      .finally(() => {
        if (live) setReady(true);
      });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    setCurrentLanguage(lang);
    document.documentElement.lang = lang;
  }, [lang]);

  const setLanguage = useCallback(async (next: Language) => {
    await api.call('settings.update', { 'ui.language': next });
    setLang(next);
  }, []);

  const value = useMemo<I18nValue>(
    () => ({ lang, t: (key, params) => translate(lang, key, params), setLanguage }),
    [lang, setLanguage],
  );
  if (!ready) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export function useT(): TFunction {
  return useI18n().t;
}
