import fs from 'node:fs';
import path from 'node:path';
import { isAllowedDevServerUrl } from './window-security';

export interface LaunchOptions {
  /** Development: reload and devtools in the menu, and the renderer from electron-vite's server. */
  dev: boolean;
  dbPath: string;
  /** Loaded instead of app:// in dev; null when not in dev or when the URL is not loopback. */
  devServerUrl: string | null;
  /** Overrides Electron's userData folder (tests run beside a consultant's own Bindeled). */
  userDataDir: string | null;
  /** A caseload file the user double-clicked (Windows and Linux pass it as an argument): opened in the import preview. */
  openFile: string | null;
}

export interface LaunchInput {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  /** Electron's userData folder; the default database lives there. */
  userDataDir: () => string;
  /** A packaged app never runs in dev mode, whatever its arguments say. */
  isPackaged: boolean;
}

/** `--name VALUE` or `--name=VALUE`; the last one wins, like most command lines. */
export function argValue(argv: readonly string[], name: string): string | null {
  let found: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === name) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) found = next;
    } else if (arg?.startsWith(`${name}=`)) {
      found = arg.slice(name.length + 1);
    }
  }
  return found === '' ? null : found;
}

/** Database: `--db PATH`, else `BINDELED_DB`, else `<userData>/bindeled.db`. */
export function resolveLaunchOptions({ argv, env, userDataDir, isPackaged }: LaunchInput): LaunchOptions {
  const dev = !isPackaged && argv.includes('--dev');
  const userDataOverride = argValue(argv, '--user-data');
  const userData = userDataOverride ? path.resolve(userDataOverride) : null;
  const dbArg = argValue(argv, '--db') ?? (env.BINDELED_DB || null);
  const dbPath = path.resolve(dbArg ?? path.join(userData ?? userDataDir(), 'bindeled.db'));
  const rendererUrl = env.ELECTRON_RENDERER_URL;
  const devServerUrl = dev && isAllowedDevServerUrl(rendererUrl) ? rendererUrl : null;
  const openFile = fileToOpen(argv);
  return { dev, dbPath, devServerUrl, userDataDir: userData, openFile: openFile && path.resolve(openFile) };
}

/** Options that take a value: their value is not a file to open. */
const VALUED = new Set(['--db', '--user-data']);

/**
 * The caseload file among the arguments, as the file association passes it
 * (`Bindeled.exe "C:\Users\Søren Ærø\Documents\sag.bindeled.json"`); the last one wins.
 */
export function fileToOpen(argv: readonly string[]): string | null {
  let found: string | null = null;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (VALUED.has(arg)) i++;
    else if (!arg.startsWith('-') && /\.json$/i.test(arg)) found = arg;
  }
  return found;
}

/** Where scripts/electron-native.mjs puts better-sqlite3 built for Electron's ABI. */
export function electronNativeBindingPath(appRoot: string): string {
  return path.join(appRoot, '.cache', 'electron-native', 'better_sqlite3.node');
}

/** The Electron build when it exists; otherwise undefined, and better-sqlite3 looks for its own. */
export function findNativeBinding(appRoot: string, exists: (file: string) => boolean = fs.existsSync) {
  const file = electronNativeBindingPath(appRoot);
  return exists(file) ? file : undefined;
}
