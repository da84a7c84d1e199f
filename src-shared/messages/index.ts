import { da, type MessageKey, type Messages } from './da';
import { en } from './en';

/**
 * The one message catalogue per language. The core (`message`, for DomainError keys, zod issue
 * messages, the CLI, letters and exports) and the renderer (`translate`, behind `t()`) read the
 * same texts; code names a text by its dotted key, never by the text itself.
 */
export type { MessageKey, Messages };

export const LOCALES = ['da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const catalogues: Record<Locale, Messages> = { da, en };

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(da, value);
}

/** A key's text with its `{name}` placeholders left in, for code that must parse what it wrote. */
export function messageTemplate(key: MessageKey, locale: Locale = 'da'): string {
  return catalogues[locale][key];
}

function fill(template: string, value: (name: string) => string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => value(name));
}

/**
 * Fills `{name}` placeholders of a key's text; a parameter that is itself a key (an entity's
 * name, a status) is looked up in the same language.
 */
export function message(key: MessageKey, params: Record<string, unknown> = {}, locale: Locale = 'da'): string {
  return messageOrText(key, params, locale);
}

/**
 * For values that may be a key or a text already written (a field issue from zod, a sheet column
 * named by its header): a key is looked up as by `message`, anything else is filled as it is.
 */
export function messageOrText(keyOrText: string, params: Record<string, unknown> = {}, locale: Locale = 'da'): string {
  const template = isMessageKey(keyOrText) ? catalogues[locale][keyOrText] : keyOrText;
  return fill(template, (name) => {
    const v = params[name];
    if (typeof v === 'string' && isMessageKey(v)) return catalogues[locale][v];
    return v === undefined || v === null ? '' : String(v);
  });
}

/** The renderer's lookup: the key must exist (the type says so) and parameters are shown as given. */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fill(catalogues[locale][key], (name) => {
    const v = params[name];
    return v === undefined ? '' : String(v);
  });
}
