import path from 'node:path';
import { DomainError } from '../errors';
import { removeFile } from '../files/file-ops';
import { type Locale, message } from '../messages';
import type { UpdateConfig } from './update-config';
import { downloadInstaller, fetchUpdateInfo, type UpdateInfo } from './update-feed';

/**
 * Updates as IT controls them: off without a machine-wide source (update-config.ts); otherwise
 * check, download (size and SHA-512 from the feed, the Windows signature against the configured
 * publisher) and install when the user quits, never by restarting under an open form or a
 * running job. The Electron shell only calls these methods and runs the installer at quit.
 */

export type UpdateState =
  | { kind: 'off' }
  | { kind: 'idle' }
  | { kind: 'current'; version: string }
  | { kind: 'available'; info: UpdateInfo }
  | { kind: 'downloaded'; info: UpdateInfo; file: string }
  | { kind: 'failed'; message: string };

/** What the user has open that a restart would lose. */
export interface OpenWork {
  /** Forms with changes not yet saved. */
  forms: number;
  /** Imports, exports, letter batches running. */
  jobs: number;
}

/** Checks an installer's signature: null when it is signed by one of the publishers, else why not. */
export type SignatureCheck = (publisherNames: string[], file: string) => Promise<string | null>;

export interface UpdaterOptions {
  config: UpdateConfig | null;
  currentVersion: string;
  platform: NodeJS.Platform;
  /** Where downloads wait for the quit (the app's cache folder). */
  cacheDir: string;
  verifySignature?: SignatureCheck;
  locale?: Locale;
}

/** Compares dotted versions (1.10.0 > 1.9.3); a pre-release sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.replace(/^v/, '').split('-', 2);
    return { nums: core.split('.').map((n) => Number.parseInt(n, 10) || 0), pre: pre ?? null };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === null) return 1;
  if (y.pre === null) return -1;
  return x.pre < y.pre ? -1 : 1;
}

export class UpdateController {
  private current: UpdateState;

  constructor(private readonly opts: UpdaterOptions) {
    this.current = opts.config ? { kind: 'idle' } : { kind: 'off' };
  }

  get state(): UpdateState {
    return this.current;
  }

  private fail(err: unknown): UpdateState {
    const text =
      err instanceof DomainError
        ? message(err.key, err.params, this.opts.locale)
        : String((err as Error)?.message ?? err);
    this.current = { kind: 'failed', message: text };
    return this.current;
  }

  /** Looks at the feed; never downloads or installs by itself. */
  async check(): Promise<UpdateState> {
    const { config } = this.opts;
    if (!config) return this.current;
    try {
      const info = await fetchUpdateInfo(config.source, this.opts.platform);
      this.current =
        compareVersions(info.version, this.opts.currentVersion) > 0
          ? { kind: 'available', info }
          : { kind: 'current', version: this.opts.currentVersion };
    } catch (err) {
      return this.fail(err);
    }
    return this.current;
  }

  /** Downloads the available update and checks it; a file that fails a check is removed. */
  async download(): Promise<UpdateState> {
    const { config } = this.opts;
    if (!config || this.current.kind !== 'available') return this.current;
    const { info } = this.current;
    let file: string | undefined;
    try {
      file = await downloadInstaller(config.source, info, path.join(this.opts.cacheDir, 'pending'));
      if (this.opts.platform === 'win32' && config.publisherName.length && this.opts.verifySignature) {
        const problem = await this.opts.verifySignature(config.publisherName, file);
        if (problem !== null)
          throw new DomainError('invalid_input', 'update.badSignature', {
            file: path.basename(file),
            publisher: config.publisherName.join(', '),
            reason: problem,
          });
      }
    } catch (err) {
      if (file) removeFile(file);
      return this.fail(err);
    }
    this.current = { kind: 'downloaded', info, file };
    return this.current;
  }

  /** The user may be offered "restart now" only with nothing open a restart would lose. */
  mayRestartNow(open: OpenWork): boolean {
    return this.current.kind === 'downloaded' && open.forms === 0 && open.jobs === 0;
  }

  /**
   * At quit: the installer to run silently, or null. Quitting with a form or a job open (the
   * shell asks first) keeps the update for the next quit instead.
   */
  installOnQuit(open: OpenWork): { file: string; args: string[] } | null {
    if (this.current.kind !== 'downloaded' || open.forms > 0 || open.jobs > 0) return null;
    // NSIS: silent, and start Bindeled again afterwards only if the user asked for a restart.
    return { file: this.current.file, args: this.opts.platform === 'win32' ? ['/S', '--updated'] : [] };
  }

  /** What the banner says: the new version and its notes (in Danish, as published). */
  describe(): { version: string; notes: string | null } | null {
    const s = this.current;
    return s.kind === 'available' || s.kind === 'downloaded'
      ? { version: s.info.version, notes: s.info.releaseNotes }
      : null;
  }
}
