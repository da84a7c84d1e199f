import type { Database } from 'better-sqlite3';
import { createLiveDatabase } from '../../core/backup/live-database';
import { startupSafetyInBackground } from '../../core/backup/startup';
import { openDatabase } from '../../core/db/open';
import { grantedPaths } from '../../core/files/path-access';
import type { Locale } from '../../core/messages';
import { getSetting } from '../../core/settings/settings-repo';
import type { ApiContext, ShellServices } from '../context';
import type { JobProgress } from '../contract';
import type { UpdateStatus } from '../contract/updates';
import type { WorkerInit } from './protocol';

/** What the shell's thread lends a database thread: dialogs, progress, the desktop's updates. */
export interface ThreadServices {
  shell: ShellServices;
  emit: (event: JobProgress) => void;
  updates?: { status(openForms: number): UpdateStatus };
}

/**
 * The ApiContext of one database thread. The writer opens the file (migrating it), settles what a
 * crash left before its first call and holds the connection a restore swaps; a reader opens the
 * same file read-only, so no write can ever start on it.
 */
export function openThreadContext(init: WorkerInit, services: ThreadServices): ApiContext {
  const reader = init.role === 'reader';
  const open = (file: string) => openDatabase(file, { nativeBinding: init.nativeBinding, readonly: reader });
  const db = open(init.dbPath);
  if (init.startupSafety && !reader) void startupSafetyInBackground(db, init.dbPath, console.error, init.nativeBinding);
  const ctx: ApiContext = {
    db,
    dbPath: init.dbPath,
    transport: init.transport,
    appVersion: init.appVersion,
    emit: services.emit,
    shell: services.shell,
    paths: grantedPaths(),
    updates: services.updates,
  };
  if (!reader) {
    ctx.live = createLiveDatabase(
      init.dbPath,
      open,
      (next) => {
        ctx.db = next;
      },
      db,
      init.nativeBinding,
    );
  }
  return ctx;
}

/** The UI language as stored, for the texts the shell writes itself (errors before the dispatcher). */
export function readLocale(db: Database): Locale {
  try {
    return getSetting<Locale>(db, 'ui.language', 'da') === 'en' ? 'en' : 'da';
  } catch {
    return 'da';
  }
}
