import type { Database } from 'better-sqlite3';
import type { Locale, MessageKey } from '../messages';
import type {
  ExportResult,
  ExportScope,
  ImportInspection,
  ImportOptions,
  ImportReport,
  InteropFormat,
} from './interop-schema';
import type { JobControl } from './job';

/** A file to import: its hash (the preview's fingerprint), what it looks like, and its bytes. */
export interface LoadedFile {
  path: string;
  name: string;
  size: number;
  /**
   * The whole file, read when asked (a text format, once per check) and refused when it no longer
   * has the hash `sha256`; an .xlsx is read part by part from `path` instead.
   */
  bytes: () => Buffer;
  sha256: string;
  /** Notes from sniffing ("named .xlsx but is really CSV") shown with the preview. */
  warnings: string[];
}

export interface ImportCallContext {
  locale: Locale;
  job: JobControl;
  issueLimit: number;
}

/** What a format's planner hands back: the report, and (when asked) the synchronous write. */
export interface PreparedImport {
  report: ImportReport;
  /** Runs inside the import's one transaction. */
  write?: (
    db: Database,
    ctx: { actor: string; reason: string; job: JobControl; progressLabel: string },
  ) => {
    added: number;
    updated: number;
  };
  /**
   * Runs after the checks and the backup, before the write's transaction: files the rows will
   * name are put in place (a caseload with files). `unstage` takes them away when the write fails.
   */
  stage?: (job: JobControl) => Promise<void>;
  unstage?: () => void;
  /** Headers and mapping to remember when the import goes through. */
  remember?: { headers: string[]; mapping: ReadonlyArray<string | null> };
  /**
   * The plan is small enough to keep from the preview for the import that follows
   * (import-service.ts): `write` may then run in a later call than the one that planned.
   */
  reusable?: boolean;
}

export interface ExportCallContext {
  locale: Locale;
  job: JobControl;
  appVersion: string;
  actor: string;
  progressLabel: string;
  /** better-sqlite3's binding for Electron, for a connection an export opens in a thread of its own. */
  nativeBinding?: string;
}

/**
 * One file format, Joplin-style: how it is recognised, inspected and imported, and how the
 * caseload is exported to it. The registry (formats.ts) lists them.
 */
export interface InteropModule {
  id: InteropFormat;
  label: MessageKey;
  extensions: string[];
  inspect: (db: Database, file: LoadedFile, options: ImportOptions, locale: Locale) => Promise<ImportInspection>;
  plan: (
    db: Database,
    file: LoadedFile,
    options: ImportOptions,
    ctx: ImportCallContext,
    keepPlan: boolean,
  ) => Promise<PreparedImport>;
  export: (
    db: Database,
    target: string,
    companyIds: readonly number[],
    opts: { entity?: string; scope: ExportScope },
    ctx: ExportCallContext,
  ) => Promise<ExportResult>;
}
