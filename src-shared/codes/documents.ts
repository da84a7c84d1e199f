export const DOCUMENT_KINDS = ['vaeksthus', 'lag', 'visit-summary', 'deminimis', 'brev'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
