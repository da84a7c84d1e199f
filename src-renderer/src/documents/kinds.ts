import type { MessageKey } from '../i18n/da';
import type { DocumentKind } from '../outreach/types';

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['vaeksthus', 'lag', 'visit-summary'];

export const KIND_KEYS: Record<DocumentKind, MessageKey> = {
  vaeksthus: 'doc.kind.vaeksthus',
  lag: 'doc.kind.lag',
  'visit-summary': 'doc.kind.visit-summary',
};
