import type { UpdateStatus } from '../api/contract/updates';
import type { Dispatch } from '../api/dispatcher';
import type { Locale } from '../core/messages';
import type { UpdateConfig } from '../core/updates/update-config';
import { type SignatureCheck, UpdateController } from '../core/updates/update-controller';

/**
 * The desktop app's side of updates (the logic is core/updates/update-controller.ts): look at
 * start and every `checkHours`, download what is newer, tell the window, and at quit hand the
 * installer to the shell, but only with no form holding unsaved changes and no job running.
 * No Electron here: main.ts passes the pieces in, so this runs under Node against a local feed.
 */
export interface DesktopUpdateDeps {
  /** IT's source, or null (updates off); a broken config file arrives as `configError`. */
  config: UpdateConfig | null;
  configError?: string | null;
  currentVersion: string;
  platform: NodeJS.Platform;
  cacheDir: string;
  verifySignature?: SignatureCheck;
  locale?: Locale;
  /** Starts the installer after Bindeled has quit (detached). */
  runInstaller(file: string, args: string[]): void;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  log?: (text: string) => void;
}

export interface DesktopUpdates {
  /** What the window shows, given how many forms it has open with unsaved changes. */
  status(openForms: number): UpdateStatus;
  /** The window's calls, counted while they run as jobs (imports, exports, letter batches). */
  trackJobs(dispatch: Dispatch): Dispatch;
  /** One check (and download when newer); the timer calls it, tests await it. */
  checkNow(): Promise<UpdateStatus>;
  /** At quit: runs the installer when nothing open would be lost; true when it did. */
  quit(): boolean;
  stop(): void;
}

const HOUR = 60 * 60 * 1000;

export function startDesktopUpdates(deps: DesktopUpdateDeps): DesktopUpdates {
  const controller = new UpdateController({
    config: deps.configError ? null : deps.config,
    currentVersion: deps.currentVersion,
    platform: deps.platform,
    cacheDir: deps.cacheDir,
    verifySignature: deps.verifySignature,
    locale: deps.locale,
  });
  const setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const log = deps.log ?? ((text) => console.warn('[bindeled] updates:', text));
  let openForms = 0;
  let jobs = 0;
  let timer: unknown = null;
  let checking: Promise<UpdateStatus> | null = null;
  let stopped = false;

  const open = () => ({ forms: openForms, jobs });

  const status = (): UpdateStatus => {
    if (deps.configError)
      return { state: 'failed', version: null, notes: null, message: deps.configError, installsOnQuit: false };
    const s = controller.state;
    const described = controller.describe();
    return {
      state: s.kind,
      version: described?.version ?? (s.kind === 'current' ? s.version : null),
      notes: described?.notes ?? null,
      message: s.kind === 'failed' ? s.message : null,
      installsOnQuit: controller.installOnQuit(open()) !== null,
    };
  };

  const run = async (): Promise<UpdateStatus> => {
    // A downloaded update waits for the quit; looking again would only fetch it twice.
    if (controller.state.kind !== 'downloaded') {
      await controller.check();
      if (controller.state.kind === 'available') await controller.download();
      const s = controller.state;
      if (s.kind === 'failed') log(s.message);
    }
    return status();
  };

  const checkNow = () => {
    checking ??= run().finally(() => {
      checking = null;
    });
    return checking;
  };

  const schedule = () => {
    if (stopped || !deps.config || deps.configError) return;
    timer = setTimer(() => {
      void checkNow().finally(schedule);
    }, deps.config.checkHours * HOUR);
  };

  if (deps.configError) log(deps.configError);
  if (deps.config && !deps.configError) {
    void checkNow();
    schedule();
  }

  return {
    status(forms) {
      openForms = forms;
      return status();
    },
    trackJobs(dispatch) {
      return async (method, input, options) => {
        if (!options?.jobId) return dispatch(method, input, options);
        jobs++;
        try {
          return await dispatch(method, input, options);
        } finally {
          jobs--;
        }
      };
    },
    checkNow,
    quit() {
      const install = controller.installOnQuit(open());
      if (!install) return false;
      try {
        deps.runInstaller(install.file, install.args);
        return true;
      } catch (err) {
        log(String((err as Error)?.message ?? err));
        return false;
      }
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}
