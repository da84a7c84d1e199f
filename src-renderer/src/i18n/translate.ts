import type { Locale, MessageKey } from '../../../src-shared/messages';

/** The UI's texts are the one catalogue in src-shared/messages, shared with the core and the CLI. */
export { isMessageKey, type MessageKey, translate } from '../../../src-shared/messages';

export type Language = Locale;
export type TFunction = (key: MessageKey, params?: Record<string, string | number>) => string;
