import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../errors';

/**
 * Which file paths a call from the UI may write or read ("no writing outside chosen folders").
 *
 * The renderer is treated as untrusted: if it were ever subverted it must not be able to make the
 * app overwrite `~/.bashrc` or read `~/.ssh/id_rsa` into an import preview. So a path from the UI
 * is honoured only when the user picked it in a dialog during this session (the files.* handlers
 * grant it), or when it lies inside one of the app's own folders (documents, uploads, backups).
 * Paths typed on the command line are the user's own choice, so the CLI uses `unrestrictedPaths`.
 */
export interface PathAccess {
  /** Records a path the user picked in a native dialog (or the browser-mode stand-in). */
  grant(kind: GrantKind, chosen: string): void;
  /** A file to create or overwrite; returns the path unchanged or throws `forbidden`. */
  writableFile(file: string, roots: readonly string[]): string;
  /** A folder to write files into. */
  writableFolder(folder: string, roots: readonly string[]): string;
  /** A file to read (import, template, logo, restore). */
  readableFile(file: string, roots: readonly string[]): string;
}

/** save: a file from a save dialog; open: a file from an open dialog; folder: a chosen folder. */
export type GrantKind = 'save' | 'open' | 'folder';

/**
 * For the CLI: every path was typed by the user. Paths come back exactly as given, so the core's
 * own checks (absolute path, no "..", folder exists) still apply to them.
 */
export function unrestrictedPaths(): PathAccess {
  return {
    grant: () => {},
    writableFile: (file) => file,
    writableFolder: (folder) => folder,
    readableFile: (file) => file,
  };
}

/** For the desktop window and browser mode: only chosen paths and the app's own folders. */
export function grantedPaths(): PathAccess {
  const savedFiles = new Set<string>();
  const openedFiles = new Set<string>();
  const folders = new Set<string>();

  const refuse = (p: string): never => {
    throw new DomainError('forbidden', 'files.pathNotChosen', { path: p });
  };
  const inAny = (target: string, dirs: Iterable<string>) => {
    for (const dir of dirs) if (isInside(target, canonical(dir))) return true;
    return false;
  };

  return {
    grant(kind, chosen) {
      const c = canonical(chosen);
      if (kind === 'save') savedFiles.add(c);
      else if (kind === 'open') openedFiles.add(c);
      else folders.add(c);
    },
    writableFile(file, roots) {
      const c = canonical(file);
      // The export adds the format's extension when the name from the dialog has none.
      const named = savedFiles.has(c) || savedFiles.has(c.slice(0, c.length - path.extname(c).length));
      return named || inAny(c, folders) || inAny(c, roots) ? file : refuse(file);
    },
    writableFolder(folder, roots) {
      const c = canonical(folder);
      return inAny(c, folders) || inAny(c, roots) ? folder : refuse(folder);
    },
    readableFile(file, roots) {
      const c = canonical(file);
      return openedFiles.has(c) || savedFiles.has(c) || inAny(c, folders) || inAny(c, roots) ? file : refuse(file);
    },
  };
}

/** True when `target` is `dir` itself or lies below it (both canonical). */
function isInside(target: string, dir: string): boolean {
  const rel = path.relative(dir, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The path as the file system will see it: resolved, with symbolic links in the part that exists
 * followed, so a link inside a chosen folder cannot point the write elsewhere. Case is folded
 * where the usual file systems ignore it.
 */
export function canonical(p: string): string {
  let existing = path.resolve(p);
  const rest: string[] = [];
  for (;;) {
    try {
      existing = fs.realpathSync.native(existing);
      break;
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) break;
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
  const full = path.join(existing, ...rest);
  return process.platform === 'win32' || process.platform === 'darwin' ? full.toLowerCase() : full;
}
