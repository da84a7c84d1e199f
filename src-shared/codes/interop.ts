export const INTEROP_FORMATS = ['caseload', 'csv', 'xlsx', 'cvr'] as const;
export type InteropFormat = (typeof INTEROP_FORMATS)[number];
/** The formats Bindeled writes; a CVR extract is only read. */
export const EXPORT_FORMATS = ['caseload', 'csv', 'xlsx'] as const satisfies readonly InteropFormat[];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const TEXT_ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export const SEPARATORS = [';', ',', '\t'] as const;
export type Separator = (typeof SEPARATORS)[number];
