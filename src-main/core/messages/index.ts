import { da, type MessageKey } from './da';
import { en } from './en';

export type Locale = 'da' | 'en';
export type { MessageKey };

const catalogues: Record<Locale, Record<MessageKey, string>> = { da, en };

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(da, value);
}

/** Fills `{name}` placeholders; a key that is not in the catalogue is returned as it is. */
export function message(key: string, params: Record<string, unknown> = {}, locale: Locale = 'da'): string {
  const template = isMessageKey(key) ? catalogues[locale][key] : key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (typeof v === 'string' && isMessageKey(v)) return catalogues[locale][v];
    return v === undefined || v === null ? '' : String(v);
  });
}
