import { z } from 'zod';
import { method, NO_ACCESS_LOG } from './define';

/** What the window shows about updates (src-main/electron/desktop-updates.ts). */
export interface UpdateStatus {
  /** off: no source configured by IT (and always in browser mode). */
  state: 'off' | 'idle' | 'current' | 'available' | 'downloaded' | 'failed';
  version: string | null;
  /** The release notes as published (Danish). */
  notes: string | null;
  /** Why the last check or download failed, for the banner. */
  message: string | null;
  /** Downloaded, and nothing open that the install at quit would lose. */
  installsOnQuit: boolean;
}

export const updatesContract = {
  /**
   * The update's state, and the window's report of how many forms hold unsaved changes: the
   * desktop app installs at quit only when none are open and no job runs.
   */
  'updates.status': method(
    z.object({ openForms: z.number().int().min(0).max(10_000).default(0) }),
  ).returns<UpdateStatus>(NO_ACCESS_LOG),
};
