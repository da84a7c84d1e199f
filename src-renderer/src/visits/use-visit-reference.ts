import { useEffect, useState } from 'react';
import { api } from '../api';
import type { VisitReference } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';

/** Visit types, needs and potential labels; the core sends them in the UI's language. */
export function useVisitReference(onError: (err: unknown) => void): VisitReference | null {
  const { lang } = useI18n();
  const [ref, setRef] = useState<VisitReference | null>(null);
  useEffect(() => {
    let live = true;
    // `lang` is a dependency on purpose: the labels come back in the language just chosen.
    void lang;
    api.call('reference.needs', {}).then((r) => live && setRef(r), onError);
    return () => {
      live = false;
    };
  }, [lang, onError]);
  return ref;
}
