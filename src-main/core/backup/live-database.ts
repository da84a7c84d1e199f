import type { Database } from 'better-sqlite3';

/**
 * The app's one connection to its caseload, held so that a restore can swap the file underneath.
 * Everything that used the old connection must read `live.db` (or be told through `onReplace`)
 * after a swap: the shells point their ApiContext at the new connection there.
 */
export interface LiveDatabase {
  readonly path: string;
  readonly db: Database;
  /** The better-sqlite3 build the connection uses (Electron's ABI in the app), for opening copies. */
  readonly nativeBinding: string | undefined;
  /**
   * Checkpoints and closes the connection, runs `swap` (file operations on the closed database),
   * then opens the file again. If `swap` throws, the file that is there is reopened and the error
   * passed on, so the app is never left without a connection it can use.
   */
  replace(swap: () => void): Database;
}

export function createLiveDatabase(
  dbPath: string,
  open: (file: string) => Database,
  onReplace: (db: Database) => void = () => {},
  initial?: Database,
  nativeBinding?: string,
): LiveDatabase {
  let current = initial ?? open(dbPath);
  return {
    path: dbPath,
    nativeBinding,
    get db() {
      return current;
    },
    replace(swap) {
      try {
        // Moves the WAL into the main file so nothing of the old database is left beside it.
        current.pragma('wal_checkpoint(TRUNCATE)');
      } catch {}
      current.close();
      let swapError: unknown = null;
      try {
        swap();
      } catch (err) {
        swapError = err;
      }
      current = open(dbPath);
      onReplace(current);
      if (swapError) throw swapError;
      return current;
    },
  };
}
