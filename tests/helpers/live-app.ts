import path from 'node:path';
import type { ApiContext } from '../../src-main/api/context';
import { createDispatcher } from '../../src-main/api/dispatcher';
import { headlessShell } from '../../src-main/api/headless-shell';
import { createLiveDatabase } from '../../src-main/core/backup/live-database';
import { openDatabase } from '../../src-main/core/db/open';
import { tempDir } from './temp-db';

/**
 * The app as the Electron shell sets it up: a live connection the restore can swap, in a fresh
 * temp folder (or on `dbPath` when given). `close` closes the connection and removes the folder.
 */
export function openApp(dbPath?: string) {
  const t = tempDir();
  const file = dbPath ?? path.join(t.dir, 'bindeled.db');
  // The open dialog answers with the file a test "picks"; a restore by path needs that choice.
  const dialog = { picked: null as string | null };
  const ctx: ApiContext = {
    db: openDatabase(file),
    dbPath: file,
    transport: 'electron',
    appVersion: 'test',
    emit: () => {},
    shell: { ...headlessShell(path.join(t.dir, 'docs')), chooseOpen: async () => dialog.picked },
  };
  ctx.live = createLiveDatabase(
    file,
    (f) => openDatabase(f),
    (next) => {
      ctx.db = next;
    },
    ctx.db,
  );
  const dispatch = createDispatcher(ctx);
  const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const r = await dispatch(method, input);
    if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message}`), { error: r.error });
    return r.value as T;
  };
  /** Picks the file in the open dialog, as the Settings page does, then restores from it. */
  const restoreFrom = async (file: string) => {
    dialog.picked = file;
    await call('files.chooseOpen', { title: 'Gendan', filters: [] });
    return dispatch('backups.restore', { path: file });
  };
  const close = () => {
    ctx.db.close();
    t.cleanup();
  };
  return { ctx, dbPath: file, dir: path.dirname(file), dispatch, call, restoreFrom, close };
}

export type LiveApp = ReturnType<typeof openApp>;
