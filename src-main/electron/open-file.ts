import path from 'node:path';
import { fileToOpen } from './launch-options';

/**
 * A caseload file handed to Bindeled by the system (a double-click, "Open with", a file dropped on
 * the Dock icon) is shown in the import preview: the window goes to `#/import?file=…` and the
 * import page reads and previews it there. Nothing is imported before the consultant confirms.
 */

/** The import page's route with the file to preview. */
export function importRoute(file: string): string {
  return `/import?file=${encodeURIComponent(file)}`;
}

/**
 * The file a second start of Bindeled was given (Windows and Linux start a new process per
 * double-click; the running one receives its arguments and working folder).
 */
export function fileFromSecondInstance(
  argv: readonly string[],
  workingDirectory: string,
  pathApi: Pick<typeof path, 'resolve'> = path,
): string | null {
  const file = fileToOpen(argv);
  return file === null ? null : pathApi.resolve(workingDirectory, file);
}

export interface FileOpenerDeps {
  /** The preview reads only chosen files: the system's choice counts as the user's. */
  grant(file: string): void;
  /** Brings the window forward on the route. */
  openRoute(route: string): void;
}

export interface FileOpener {
  /** A file from argv, `second-instance` or macOS `open-file`; held until the window is ready. */
  open(file: string): void;
  /** The window has loaded: show the file that came while it was starting (the last one wins). */
  ready(): void;
}

export function createFileOpener(deps: FileOpenerDeps): FileOpener {
  let isReady = false;
  let pending: string | null = null;
  const show = (file: string) => {
    deps.grant(file);
    deps.openRoute(importRoute(file));
  };
  return {
    open(file) {
      if (isReady) show(file);
      else pending = file;
    },
    ready() {
      isReady = true;
      if (pending !== null) show(pending);
      pending = null;
    },
  };
}
