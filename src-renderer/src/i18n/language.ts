import type { Language } from './translate';

/**
 * The language outside React (the API transport needs it for its own failure texts). The
 * provider keeps it in step with the setting.
 */
let current: Language = 'da';

export function currentLanguage(): Language {
  return current;
}

export function setCurrentLanguage(lang: Language): void {
  current = lang;
}
