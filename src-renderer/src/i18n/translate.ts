import { da, type MessageKey, type Messages } from './da';
import { en } from './en';

export type Language = 'da' | 'en';
export type TFunction = (key: MessageKey, params?: Record<string, string | number>) => string;

const catalogues: Record<Language, Messages> = { da, en };

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(da, value);
}

/** Looks a key up and fills `{name}` placeholders; missing params become empty text. */
export function translate(lang: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    return v === undefined ? '' : String(v);
  });
}
