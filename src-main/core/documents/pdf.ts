import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Database } from 'better-sqlite3';
import { DomainError } from '../errors';
import { copyFile, removeTree } from '../files/file-ops';
import { tempPathIn } from '../files/leftovers';
import { type Locale, message } from '../messages';
import { getSetting, type SettingRule, setSetting } from '../settings/settings-repo';
import { getDocument } from './document-repo';
import type { GeneratedDocument, PdfResult, PdfSettings } from './document-schema';
import { BatchFiles, recordLetterCopy } from './write-file';

const ALWAYS_PDF_KEY = 'documents.alwaysPdf';

export const PDF_SETTING_RULES: Record<string, SettingRule> = {
  [ALWAYS_PDF_KEY]: {
    holds: (v) => typeof v === 'boolean',
    notKind: 'pdf.setting.notBoolean',
    fallback: 'setting.fallback.default',
  },
};

/** Where LibreOffice installs itself when it is not on PATH. */
function usualPlaces(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'win32') {
    const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], 'C:\\Program Files', 'C:\\Program Files (x86)'];
    return [...new Set(roots.filter((r): r is string => Boolean(r)))].map((r) =>
      path.win32.join(r, 'LibreOffice', 'program', 'soffice.exe'),
    );
  }
  if (platform === 'darwin') {
    const home = env.HOME ? [path.join(env.HOME, 'Applications/LibreOffice.app/Contents/MacOS/soffice')] : [];
    return ['/Applications/LibreOffice.app/Contents/MacOS/soffice', ...home];
  }
  return ['/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice', '/snap/bin/libreoffice'];
}

export interface FindOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  isFile?: (file: string) => boolean;
}

const isFile = (file: string): boolean => {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

/**
 * LibreOffice's `soffice`: `BINDELED_SOFFICE` when set (an empty value means "none", for tests and
 * for a machine where it must not be used), else the first on PATH, else its usual install places.
 */
export function findSoffice(opts: FindOptions = {}): string | null {
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  const exists = opts.isFile ?? isFile;
  const forced = env.BINDELED_SOFFICE;
  if (forced !== undefined) return forced && exists(forced) ? forced : null;
  const sep = platform === 'win32' ? ';' : ':';
  const names = platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  for (const dir of (env.PATH ?? env.Path ?? '').split(sep).filter(Boolean)) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (exists(candidate)) return candidate;
    }
  }
  return usualPlaces(platform, env).find(exists) ?? null;
}

export function pdfSettings(db: Database, opts: FindOptions = {}): PdfSettings {
  const soffice = findSoffice(opts);
  return { alwaysPdf: getSetting<unknown>(db, ALWAYS_PDF_KEY, false) === true, available: soffice !== null, soffice };
}

export function updatePdfSettings(db: Database, changes: { alwaysPdf?: boolean }): PdfSettings {
  if (changes.alwaysPdf !== undefined) setSetting(db, ALWAYS_PDF_KEY, changes.alwaysPdf);
  return pdfSettings(db);
}

export interface PdfOptions {
  signal?: AbortSignal;
  progress?: (done: number, total: number, text?: string) => void;
  /** The soffice to use; found on this machine when left out. */
  soffice?: string | null;
}

/** Letters per LibreOffice run: small enough for progress and a prompt cancel, large enough to spread its start. */
const CHUNK = 20;

/**
 * Runs one `soffice --convert-to pdf` over `inputs`, writing into `outDir`, with the conversion's
 * own user profile (two conversions at once would otherwise fight over the user's profile lock, and
 * a running LibreOffice would take the job over and never answer). Counts the files as LibreOffice
 * reports them; a cancel kills it.
 */
function runSoffice(
  soffice: string,
  profile: string,
  inputs: readonly string[],
  outDir: string,
  signal: AbortSignal | undefined,
  onFile: () => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--invisible',
        '--norestore',
        '--nolockcheck',
        '--nodefault',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        ...inputs,
      ],
      // Its own process group: `soffice` starts `soffice.bin`, and a cancel must stop both.
      { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, detached: process.platform !== 'win32' },
    );
    let stderr = '';
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.includes(' -> ')) onFile();
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    const abort = () => killTree(child.pid);
    signal?.addEventListener('abort', abort, { once: true });
    // A CLI or app that exits stops its conversion rather than leave LibreOffice running.
    process.once('exit', abort);
    const settle = () => {
      signal?.removeEventListener('abort', abort);
      process.removeListener('exit', abort);
    };
    child.on('error', (err) => {
      settle();
      reject(new DomainError('unsupported', 'pdf.failed', { reason: err.message }));
    });
    child.on('close', (code) => {
      settle();
      if (signal?.aborted) reject(new DomainError('cancelled', 'error.cancelled'));
      else if (code === 0) resolve();
      else reject(new DomainError('unsupported', 'pdf.failed', { reason: stderr.trim() || `exit ${code}` }));
    });
  });
}

function killTree(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    if (process.platform === 'win32') spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true });
    else process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/**
 * A PDF beside each of the documents, made by LibreOffice in the background. Everything
 * LibreOffice touches (a copy of each letter, its private profile, its output) sits in one hidden
 * work folder beside the letters, removed at the end whatever happens, and by the next start's
 * sweep if this process is killed. The PDFs then appear under their real names all together,
 * recorded as files Bindeled wrote, the way letters do.
 */
export async function makePdfs(db: Database, ids: readonly number[], opts: PdfOptions = {}): Promise<PdfResult> {
  const started = performance.now();
  const soffice = opts.soffice === undefined ? findSoffice() : opts.soffice;
  if (!soffice) throw new DomainError('unsupported', 'pdf.notInstalled');
  const docs = [...new Set(ids)].map((id) => getDocument(db, id));
  const gone = docs.find((d) => !d.exists);
  if (gone) throw new DomainError('not_found', 'email.letterMissing', { path: gone.path });
  const byFolder = new Map<string, typeof docs>();
  for (const d of docs) {
    const dir = path.dirname(d.path);
    byFolder.set(dir, [...(byFolder.get(dir) ?? []), d]);
  }
  const files: PdfResult['files'] = [];
  let done = 0;
  for (const [dir, group] of byFolder) {
    const work = tempPathIn(dir, 'pdf');
    try {
      const inDir = path.join(work, 'in');
      const outDir = path.join(work, 'out');
      fs.mkdirSync(inDir, { recursive: true });
      fs.mkdirSync(outDir);
      // Plain numbered copies: no two letters clash and no name trips LibreOffice's command line.
      const inputs = group.map((d, i) => {
        const copy = path.join(inDir, `${i}.docx`);
        copyFile(d.path, copy);
        return copy;
      });
      let converted = 0;
      for (let at = 0; at < inputs.length; at += CHUNK) {
        if (opts.signal?.aborted) throw new DomainError('cancelled', 'error.cancelled');
        await runSoffice(soffice, path.join(work, 'profile'), inputs.slice(at, at + CHUNK), outDir, opts.signal, () => {
          done++;
          opts.progress?.(done, docs.length, group[converted++]?.companyName);
        });
      }
      const batch = new BatchFiles(db, dir, group.length);
      try {
        group.forEach((d, i) => {
          const pdf = path.join(outDir, `${i}.pdf`);
          if (!fs.existsSync(pdf)) throw new DomainError('unsupported', 'pdf.failed', { reason: d.fileName });
          batch.add(path.basename(d.path, path.extname(d.path)), fs.readFileSync(pdf), 'pdf');
        });
        await batch.flush();
        const written = batch.commit((w) => {
          for (const [i, f] of w.entries()) recordLetterCopy(db, group[i] as (typeof docs)[number], f, 'pdf');
          return w;
        });
        for (const [i, f] of written.entries())
          files.push({ id: (group[i] as (typeof docs)[number]).id, path: f.path });
      } catch (err) {
        batch.discard();
        throw err;
      }
    } finally {
      // A killed LibreOffice may hold its files a moment longer (Windows): retry before giving up.
      removeTree(work);
    }
  }
  return { files, elapsedMs: Math.round(performance.now() - started) };
}

/** Refuses, before any letter is written, PDFs asked for where LibreOffice is missing. */
export function assertPdfPossible(asked: boolean | undefined): void {
  if (asked && !findSoffice()) throw new DomainError('unsupported', 'pdf.notInstalled');
}

/**
 * The PDFs to go with letters just written: when asked, or (not asked either way) when the setting
 * says always. Asked for and LibreOffice missing is an error; by the setting alone it is a remark,
 * as the letters themselves are written.
 */
export async function withPdfs(
  db: Database,
  docs: GeneratedDocument[],
  asked: boolean | undefined,
  opts: PdfOptions & { locale?: Locale } = {},
): Promise<{ docs: GeneratedDocument[]; problem?: string }> {
  const settings = pdfSettings(db);
  if (!(asked ?? settings.alwaysPdf) || docs.length === 0) return { docs };
  if (!settings.soffice) {
    if (asked) throw new DomainError('unsupported', 'pdf.notInstalled');
    return { docs, problem: message('pdf.notInstalled', {}, opts.locale ?? 'da') };
  }
  const made = await makePdfs(
    db,
    docs.map((d) => d.id),
    { ...opts, soffice: settings.soffice },
  );
  const pdfOf = new Map(made.files.map((f) => [f.id, f.path]));
  return { docs: docs.map((d) => ({ ...d, pdf: pdfOf.get(d.id) })) };
}
