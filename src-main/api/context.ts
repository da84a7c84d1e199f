import type { Database } from 'better-sqlite3';
import type { LiveDatabase } from '../core/backup/live-database';
import type { PathAccess } from '../core/files/path-access';
import type { Locale } from '../core/messages';
import type { JobProgress } from './contract';
import type { UpdateStatus } from './contract/updates';

/** What every handler may use; built once per open database by the shell that hosts it. */
export interface ApiContext {
  db: Database;
  dbPath: string;
  transport: 'electron' | 'http' | 'cli';
  appVersion: string;
  /** Sends progress to the UI on the event channel. */
  emit: (event: JobProgress) => void;
  /** Dialogs and "open in Word": native in Electron, emulated by the browser-mode server. */
  shell: ShellServices;
  /**
   * The connection as the shell holds it, so `backups.restore` can close, swap and reopen the
   * file. The shell must point `db` at the new connection in its `onReplace`.
   * Absent where a restore may not happen in-process (restore is then refused).
   */
  live?: LiveDatabase;
  /**
   * Which paths from the caller may be written or read. Defaults to `unrestrictedPaths` for the
   * CLI (the user typed them) and to `grantedPaths` (only dialog choices and the app's own
   * folders) for the desktop window and browser mode.
   */
  paths?: PathAccess;
  /** The desktop app's updates; absent in browser mode and the CLI (updates are then off). */
  updates?: { status(openForms: number): UpdateStatus };
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * What only the hosting shell can do. Paths Bindeled writes are remembered by the shell so that
 * `openPath` never opens a file the app did not write.
 */
export interface ShellServices {
  chooseSave(opts: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
  chooseOpen(opts: { title: string; filters: FileFilter[] }): Promise<string | null>;
  chooseFolder(opts: { title: string }): Promise<string | null>;
  openPath(path: string): Promise<void>;
}

/** Per call: the context plus cancellation and progress for methods that run as jobs. */
export interface CallContext extends ApiContext {
  paths: PathAccess;
  locale: Locale;
  signal: AbortSignal;
  jobId: string | undefined;
  progress: (done: number, total: number, message?: string) => void;
}
