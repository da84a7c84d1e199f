/** The core reads the one catalogue in src-shared/messages; this keeps the core's imports short. */
export {
  isMessageKey,
  LOCALES,
  type Locale,
  type MessageKey,
  message,
  messageOrText,
  messageTemplate,
} from '../../../src-shared/messages';
