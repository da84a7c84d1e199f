import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../errors';

/**
 * Paths arrive from the UI, the CLI and the upload endpoint. They must be absolute and must not
 * climb with "..": a path is a choice the user made in a dialog, never something assembled.
 */
export function checkPath(file: string, key: 'import.pathInvalid' | 'export.pathInvalid'): string {
  const raw = file.trim();
  const segments = raw.split(/[\\/]+/);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a NUL or control character in a path is never a real choice.
  if (!path.isAbsolute(raw) || segments.includes('..') || /[\u0000-\u001f]/.test(raw)) {
    throw new DomainError('invalid_input', key, { path: file });
  }
  return path.normalize(raw);
}

/** The file to import: absolute, existing, a regular file. */
export function checkImportFile(file: string): { path: string; size: number; name: string } {
  const resolved = checkPath(file, 'import.pathInvalid');
  const stat = fs.statSync(resolved, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new DomainError('not_found', 'import.fileMissing', { path: resolved });
  return { path: resolved, size: stat.size, name: path.basename(resolved) };
}

/** Where an export goes: absolute, in an existing folder, with the format's extension. */
export function checkExportFile(file: string, extension: string): string {
  const resolved = checkPath(file, 'export.pathInvalid');
  if (!fs.statSync(path.dirname(resolved), { throwIfNoEntry: false })?.isDirectory()) {
    throw new DomainError('invalid_input', 'export.folderMissing', { path: resolved });
  }
  if (fs.statSync(resolved, { throwIfNoEntry: false })?.isDirectory()) {
    throw new DomainError('invalid_input', 'export.pathInvalid', { path: resolved });
  }
  return resolved.toLowerCase().endsWith(extension) ? resolved : `${resolved}${extension}`;
}
