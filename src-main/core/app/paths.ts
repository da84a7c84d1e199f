import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where a caseload lives when no `--db` is given: the same folder Electron's
 * `app.getPath('userData')` uses for an app named Bindeled, so the CLI, browser mode and the
 * desktop app find the same database.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.BINDELED_HOME) return env.BINDELED_HOME;
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Bindeled');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Bindeled');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Bindeled');
}

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.BINDELED_DB ?? path.join(userDataDir(env), 'bindeled.db');
}

/** Files a user asked for (exports, letters) go in a folder beside the database by default. */
export function defaultDocumentsDir(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'Dokumenter');
}

/** Browser mode's stand-in for an open dialog: files the page uploads land here (see server/upload.ts). */
export function uploadsDir(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'uploads');
}

export const APP_VERSION = '0.1.0';

/**
 * A file shipped with the app (`relative` inside resources/): under `BINDELED_RESOURCES` (set by a
 * packaged app), Electron's resources folder, or `resources/` found by walking up from this file
 * (development, tests, CLI). Falls back to `resources/` in the working folder.
 */
export function shippedResource(relative: string): string {
  const roots: string[] = [];
  if (process.env.BINDELED_RESOURCES) roots.push(process.env.BINDELED_RESOURCES);
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) roots.push(resourcesPath);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    roots.push(path.join(dir, 'resources'));
    dir = path.dirname(dir);
  }
  roots.push(path.join(process.cwd(), 'resources'));
  const found = roots.find((r) => fs.existsSync(path.join(r, relative)));
  return path.join(found ?? path.join(process.cwd(), 'resources'), relative);
}
