export const DOCUMENT_KINDS = ['vaeksthus', 'lag', 'visit-summary', 'deminimis', 'brev'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** What a consultant's own letter kind is about: which record it is made from and which placeholders it may use. */
export const LETTER_SUBJECTS = ['company', 'referral', 'lag', 'visit', 'network'] as const;
export type LetterSubject = (typeof LETTER_SUBJECTS)[number];

/** A consultant's own letter kind, named by its id where a built-in kind is named by its code. */
export type CustomKindRef = `custom:${number}`;
/** Any kind a letter can be made of: a built-in one, or a consultant's own. */
export type LetterKindRef = DocumentKind | CustomKindRef;

export const CUSTOM_KIND = /^custom:([1-9]\d{0,9})$/;

export function customKindRef(id: number): CustomKindRef {
  return `custom:${id}`;
}

/** The id of a consultant's own kind, or null for a built-in kind. */
export function customKindId(ref: string): number | null {
  const m = CUSTOM_KIND.exec(ref);
  return m ? Number(m[1]) : null;
}
