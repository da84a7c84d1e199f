import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { type Locale, message } from '../messages';

/**
 * Whether a database sits where it will be damaged. SQLite keeps a caseload in three files (the
 * database, its -wal and -shm) that must change together; a sync client (OneDrive, Dropbox, Google
 * Drive, iCloud) uploads and replaces them one at a time, and SMB's locking on a network drive does
 * not hold SQLite's shared memory. Generated documents may live in such folders; the database
 * should not, so it is detected at open, in Settings and by `check`, and the safe place offered.
 */

export type StorageKind = 'onedrive' | 'dropbox' | 'googledrive' | 'icloud' | 'network';

export interface StorageRisk {
  kind: StorageKind;
  /** The synced folder or network share the database is in. */
  folder: string;
}

export interface StorageProbe {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** Whether a Windows drive letter ("Z") is a mapped network drive. */
  isNetworkDrive?: (letter: string) => boolean;
}

/** The environment variables the OneDrive client sets to the folders it syncs. */
const ONEDRIVE_VARS = ['OneDrive', 'OneDriveCommercial', 'OneDriveConsumer'];

/** Folder names the sync clients create, one path segment each (Windows, macOS, Linux). */
const KNOWN_FOLDERS: ReadonlyArray<{ kind: StorageKind; name: RegExp }> = [
  // "OneDrive", "OneDrive - Kommune", and macOS's CloudStorage/OneDrive-Kommune.
  { kind: 'onedrive', name: /^onedrive(?:$|[\s-])/i },
  { kind: 'dropbox', name: /^dropbox(?:$|[\s(-])/i },
  // Google Drive for desktop's "My Drive"/"Min drev" on G:, and CloudStorage/GoogleDrive-<account>.
  { kind: 'googledrive', name: /^(?:google ?drive(?:$|[\s-])|my drive$|min drev$)/i },
  // Windows' iCloudDrive, macOS's Mobile Documents and CloudStorage/iCloud Drive.
  { kind: 'icloud', name: /^(?:icloud ?drive|mobile documents|com~apple~clouddocs)$/i },
];

function api(platform: NodeJS.Platform) {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** `inner` is `outer` or inside it; Windows compares without case. */
function isInside(platform: NodeJS.Platform, outer: string, inner: string): boolean {
  const p = api(platform);
  const norm = (s: string) => (platform === 'win32' ? p.resolve(s).toLowerCase() : p.resolve(s));
  const rel = p.relative(norm(outer), norm(inner));
  return rel === '' || (!rel.startsWith('..') && !p.isAbsolute(rel));
}

/** On Windows a persistent mapped drive has a key under HKCU\Network. */
function registryNetworkDrive(letter: string): boolean {
  const r = spawnSync('reg', ['query', `HKCU\\Network\\${letter}`], {
    stdio: 'ignore',
    windowsHide: true,
    timeout: 3000,
  });
  return r.status === 0;
}

/** Where the database is at risk, or null when it is on a local, unsynced disk. */
export function storageRisk(dbPath: string, probe: StorageProbe): StorageRisk | null {
  if (dbPath === ':memory:' || dbPath === '') return null;
  const { platform, env } = probe;
  const p = api(platform);
  const file = p.resolve(dbPath);
  if (platform === 'win32') {
    // \\server\share\… (and \\?\UNC\server\share\…): a network share.
    const unc = /^(?:\\\\\?\\UNC\\|\\\\)([^\\?]+)\\([^\\]+)/i.exec(file);
    if (unc) return { kind: 'network', folder: `\\\\${unc[1]}\\${unc[2]}` };
  }
  for (const name of ONEDRIVE_VARS) {
    const root = env[name];
    if (root && p.isAbsolute(root) && isInside(platform, root, file))
      return { kind: 'onedrive', folder: p.resolve(root) };
  }
  const parts = file.split(p.sep);
  for (let i = 0; i < parts.length - 1; i++) {
    const hit = KNOWN_FOLDERS.find((k) => k.name.test(parts[i] ?? ''));
    if (hit) return { kind: hit.kind, folder: parts.slice(0, i + 1).join(p.sep) || p.sep };
  }
  if (platform === 'win32') {
    const drive = /^([a-z]):/i.exec(file)?.[1]?.toUpperCase();
    const isNetwork = probe.isNetworkDrive ?? registryNetworkDrive;
    if (drive && isNetwork(drive)) return { kind: 'network', folder: `${drive}:\\` };
  }
  return null;
}

/**
 * The database's default place, which Bindeled chooses when none is given: Electron's userData
 * folder (Roaming on Windows, unless IT has redirected it to a share; then the local one).
 */
export function safeDatabasePath(probe: StorageProbe & { home: string }): string {
  const { platform, env, home } = probe;
  const p = api(platform);
  if (platform === 'win32') {
    const roaming = env.APPDATA ?? p.join(home, 'AppData', 'Roaming');
    const local = env.LOCALAPPDATA ?? p.join(home, 'AppData', 'Local');
    const base = storageRisk(p.join(roaming, 'Bindeled', 'bindeled.db'), probe) ? local : roaming;
    return p.join(base, 'Bindeled', 'bindeled.db');
  }
  if (platform === 'darwin') return p.join(home, 'Library', 'Application Support', 'Bindeled', 'bindeled.db');
  return p.join(env.XDG_CONFIG_HOME ?? p.join(home, '.config'), 'Bindeled', 'bindeled.db');
}

const SERVICE: Record<Exclude<StorageKind, 'network'>, string> = {
  onedrive: 'OneDrive',
  dropbox: 'Dropbox',
  googledrive: 'Google Drive',
  icloud: 'iCloud',
};

/** This process's view of where it runs, for the shells. */
export function currentProbe(): StorageProbe & { home: string } {
  return { platform: process.platform, env: process.env, home: os.homedir() };
}

/** The warning a user sees about where the database is, or null when it is safe. */
export function storageWarning(
  dbPath: string,
  probe: StorageProbe & { home: string } = currentProbe(),
  locale: Locale = 'da',
): string | null {
  const risk = storageRisk(dbPath, probe);
  if (!risk) return null;
  const params = { path: dbPath, folder: risk.folder, safe: safeDatabasePath(probe) };
  return risk.kind === 'network'
    ? message('storage.network', params, locale)
    : message('storage.synced', { ...params, service: SERVICE[risk.kind] }, locale);
}
