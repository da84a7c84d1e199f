import { z } from 'zod';
/**
 * What the import wizard, the export dialog and the CLI send and get back. Pure zod and types,
 * so the renderer shares them through the API contract.
 */
import {
  EXPORT_FORMATS,
  type ExportFormat,
  INTEROP_FORMATS,
  type InteropFormat,
  SEPARATORS,
  type Separator,
  TEXT_ENCODINGS,
  type TextEncoding,
} from '../../../src-shared/codes/interop';
import { IMPORT_FIELDS, type ImportField } from '../../../src-shared/fields/companies';
import { caseloadFiltersSchema, SORTABLE_COLUMNS } from '../companies/caseload-schema';

/** Company fields a spreadsheet column can be mapped to (the wizard's drop-down), from the field registry. */
export { IMPORT_FIELDS, type ImportField } from '../../../src-shared/fields/companies';
export {
  EXPORT_FORMATS,
  type ExportFormat,
  INTEROP_FORMATS,
  type InteropFormat,
  SEPARATORS,
  type Separator,
  TEXT_ENCODINGS,
  type TextEncoding,
};

const filePath = z.string().trim().min(1).max(1000);

/** Choices the wizard may override after detection; anything left out is detected or remembered. */
export const importOptionsSchema = z.object({
  encoding: z.enum(TEXT_ENCODINGS).optional(),
  separator: z.enum(SEPARATORS).optional(),
  sheet: z.string().max(100).optional(),
  /** One entry per column, in file order: the field it fills, or null to ignore the column. */
  mapping: z.array(z.enum(IMPORT_FIELDS).nullable()).max(500).optional(),
  /** How dates like 03/04/2011 are read: day first (Danish/UK) or month first (US Excel). */
  dateOrder: z.enum(['dmy', 'mdy']).optional(),
  /** An empty cell in a mapped column keeps what is stored (default) or clears it. */
  emptyCells: z.enum(['keep', 'clear']).default('keep'),
  /** A CVR extract: take the register's value even where a consultant corrected the field locally. */
  takeRegister: z.boolean().optional(),
});
export type ImportOptionsInput = z.input<typeof importOptionsSchema>;
export type ImportOptions = z.output<typeof importOptionsSchema>;

export const inspectInputSchema = z.object({
  path: filePath,
  options: importOptionsSchema.default({ emptyCells: 'keep' }),
});

export const previewInputSchema = z.object({
  path: filePath,
  options: importOptionsSchema.default({ emptyCells: 'keep' }),
  /** How many row issues to return at most (the totals always count all). */
  issueLimit: z.number().int().min(0).max(1_000_000).default(1000),
});

export const importInputSchema = previewInputSchema.extend({
  /** The fingerprint the preview returned: the file must not have changed since. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  /** abort: write nothing while any row is invalid. skip: write the valid rows, skip the rest. */
  onInvalid: z.enum(['abort', 'skip']).default('abort'),
});

const sortSchema = z
  .array(z.object({ column: z.enum(SORTABLE_COLUMNS), desc: z.boolean() }))
  .max(4)
  .default([]);

/** Which companies an export covers: all, a hand-picked list, or the caseload table as it stands. */
export const exportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('companies'), ids: z.array(z.number().int().positive()).min(1).max(1_000_000) }),
  z.object({
    kind: z.literal('query'),
    filters: caseloadFiltersSchema.default({}),
    search: z.string().max(200).default(''),
    /** The caseload search also looked in the visits' notes (caseload-schema.ts). */
    notes: z.boolean().default(false),
    sort: sortSchema,
  }),
]);
export type ExportScopeInput = z.input<typeof exportScopeSchema>;
export type ExportScope = z.output<typeof exportScopeSchema>;

export const exportInputSchema = z.object({
  format: z.enum(EXPORT_FORMATS),
  /** An absolute path, normally from `files.chooseSave`. */
  path: filePath,
  scope: exportScopeSchema.default({ kind: 'all' }),
  /** CSV: which entity to write (default companies). XLSX: limit the workbook to this sheet. */
  entity: z.string().max(40).optional(),
  /**
   * A list for a campaign (a mailing, a call round): firms protected against advertising in the
   * CVR register are left out unless the user includes them.
   */
  campaign: z.object({ includeProtected: z.boolean().default(false) }).optional(),
});
export type ExportInput = z.input<typeof exportInputSchema>;

export interface ImportFieldInfo {
  field: ImportField;
  label: string;
}

export interface InteropFormats {
  formats: Array<{ id: InteropFormat; label: string; extensions: string[] }>;
  fields: ImportFieldInfo[];
  /** Entities per export format, with their sheet label (CSV/XLSX) or section name (caseload). */
  entities: Array<{ key: string; label: string; formats: InteropFormat[] }>;
}

export interface ImportInspection {
  path: string;
  fileName: string;
  size: number;
  format: InteropFormat;
  /** File-level notes shown above the preview ("named .xlsx but is CSV", a duplicated column…). */
  warnings: string[];
  encoding?: TextEncoding;
  separator?: Separator;
  sheets?: string[];
  sheet?: string;
  headers: string[];
  /** The first rows as text, for the mapping step. */
  sample: string[][];
  mapping: Array<ImportField | null>;
  mappingSource: 'remembered' | 'guessed' | 'given';
  dateOrder?: 'dmy' | 'mdy';
  caseload?: {
    version: number;
    exportedAt: string | null;
    exportedBy: string | null;
    counts: Record<string, number>;
    /** A caseload with files (.zip): the attachment files it carries and their size unpacked. */
    files?: { count: number; bytes: number };
  };
}

export type RowAction = 'add' | 'update' | 'unchanged' | 'kept_local' | 'invalid' | 'duplicate' | 'skipped';

export interface RowIssue {
  /** Line (CSV), row (XLSX) or null for a caseload record, which is named by `ref` instead. */
  line: number | null;
  ref?: string;
  kind: 'invalid' | 'duplicate';
  field?: string;
  /** The column header the value came from, as written in the file. */
  column?: string;
  value?: string;
  message: string;
}

/** One field a refresh from the register would change (or keeps, as a local correction): old and new. */
export interface FieldDiff {
  field: string;
  from: unknown;
  to: unknown;
  /** The stored value is a local correction and stays. */
  kept?: true;
}

export interface PreviewRow {
  line: number | null;
  ref?: string;
  entity: string;
  action: RowAction;
  name: string;
  cvr: string | null;
  /** Fields an update changes. */
  changes?: string[];
  /** A refresh from the CVR register: each field that differs, old and new. */
  diffs?: FieldDiff[];
  note?: string;
}

export interface EntityCounts {
  entity: string;
  add: number;
  update: number;
  unchanged: number;
  keptLocal: number;
  invalid: number;
  duplicate: number;
  skipped: number;
}

export interface ImportReport {
  fileName: string;
  format: InteropFormat;
  fingerprint: string;
  encoding?: TextEncoding;
  separator?: Separator;
  sheet?: string;
  warnings: string[];
  /** Data rows read (empty lines not counted). */
  rows: number;
  totals: Omit<EntityCounts, 'entity'>;
  entities: EntityCounts[];
  issues: RowIssue[];
  /** Issues not returned because of `issueLimit`. */
  issuesLeftOut: number;
  preview: PreviewRow[];
  skipped: Array<{ line: number | null; reason: string }>;
  newConsultants: string[];
  /** True when nothing blocks an all-or-nothing import. */
  clean: boolean;
}

export interface ImportResult extends ImportReport {
  written: boolean;
  runId: number | null;
}

export interface ExportResult {
  path: string;
  /** Set when the chosen file could not be replaced (open in Excel): `path` is the name the export took instead. */
  takenName?: string;
  format: InteropFormat;
  bytes: number;
  /** Rows written per entity. */
  counts: Record<string, number>;
  /** A campaign list: the protected firms in scope that were left out. */
  leftOutProtected?: number;
}

export interface ImportRun {
  id: number;
  at: string;
  actor: string;
  fileName: string;
  format: InteropFormat;
  sha256: string;
  added: number;
  updated: number;
  unchanged: number;
  skipped: number;
}
