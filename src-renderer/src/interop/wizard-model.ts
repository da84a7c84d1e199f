import { todayIso } from '../../../src-shared/format/dates';
import type { ExportFormat, ImportField, RowIssue } from '../api/types';

/** The parts of `fetch` an upload needs, so it runs (and is tested) without a DOM. */
export type UploadFetch = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: Blob },
) => Promise<{ status: number; ok: boolean; text(): Promise<string> }>;

export class UploadError extends Error {
  readonly status: number;
  constructor(status: number, reason: string) {
    super(reason);
    this.name = 'UploadError';
    this.status = status;
  }
}

/**
 * Browser mode has no open dialog: the file goes to the server's uploads folder and the wizard
 * continues with the path it answers. The token travels in a header, as for every API call.
 */
export async function uploadFile(file: Blob & { name: string }, token: string, send: UploadFetch): Promise<string> {
  const response = await send(`/api/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', 'X-Bindeled-Token': token },
    body: file,
  });
  const text = await response.text();
  if (!response.ok) throw new UploadError(response.status, text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UploadError(response.status, text);
  }
  const path = (parsed as { path?: unknown } | null)?.path;
  if (typeof path !== 'string') throw new UploadError(response.status, text);
  return path;
}

/** The last part of a path, for either separator. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * An uploaded copy is stored as `<time>-<random>-<name>`; messages from the core name that copy.
 * Put the name the consultant chose back, so a refusal names the file they know.
 */
export function withOriginalName(text: string, storedPath: string, originalName: string): string {
  const stored = baseName(storedPath);
  return stored && stored !== originalName ? text.split(stored).join(originalName) : text;
}

/** Fields chosen for more than one column (the core refuses such a mapping; the UI marks them first). */
export function duplicateFields(mapping: ReadonlyArray<ImportField | null>): Set<ImportField> {
  const seen = new Set<ImportField>();
  const twice = new Set<ImportField>();
  for (const f of mapping) {
    if (f === null) continue;
    if (seen.has(f)) twice.add(f);
    seen.add(f);
  }
  return twice;
}

/** A mapping can only be checked when the core can tell which company a row is. */
export function hasKeyField(mapping: ReadonlyArray<ImportField | null>): boolean {
  return mapping.includes('name') || mapping.includes('cvr') || mapping.includes('uuid');
}

export type IssueKindFilter = 'all' | RowIssue['kind'];

/** The report table's filter: by kind and by any word in line, column, value or reason. */
export function filterIssues(issues: readonly RowIssue[], text: string, kind: IssueKindFilter): RowIssue[] {
  const needle = text.trim().toLocaleLowerCase('da');
  return issues.filter((i) => {
    if (kind !== 'all' && i.kind !== kind) return false;
    if (!needle) return true;
    const hay = [i.line ?? '', i.ref ?? '', i.column ?? '', i.field ?? '', i.value ?? '', i.message]
      .join(' ')
      .toLocaleLowerCase('da');
    return hay.includes(needle);
  });
}

const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', xlsx: 'xlsx', caseload: 'json' };

/** A default file name such as `sagsportefoelje-2026-11-27.csv` (ASCII: every file system takes it). */
export function exportFileName(format: ExportFormat, base: string, today: Date): string {
  return `${base}-${todayIso(today)}.${EXTENSIONS[format]}`;
}

export function newJobId(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The file the system handed over (`#/import?file=…`, see src-main/electron/open-file.ts), or null. */
export function fileFromHash(hash: string): { path: string; name: string } | null {
  const query = hash.replace(/^#/, '').split('?')[1];
  const path = query ? new URLSearchParams(query).get('file') : null;
  return path ? { path, name: path.split(/[\\/]/).pop() || path } : null;
}
