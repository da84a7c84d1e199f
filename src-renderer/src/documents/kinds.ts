import type { DocumentKind } from '../api/types';
import type { MessageKey } from '../i18n/da';

export { DOCUMENT_KINDS } from '../../../src-shared/codes/documents';

export const KIND_KEYS: Record<DocumentKind, MessageKey> = {
  vaeksthus: 'doc.kind.vaeksthus',
  lag: 'doc.kind.lag',
  'visit-summary': 'doc.kind.visit-summary',
};
