import { z } from 'zod';
import { method, NO_ACCESS_LOG } from './define';

const filters = z
  .array(z.object({ name: z.string().max(80), extensions: z.array(z.string().max(10)).max(10) }))
  .max(10);

/**
 * Files chosen by the user. In Electron these are native dialogs; in browser mode the server
 * answers with a path in its own exports folder (save) or refuses (open: the page uploads instead).
 */
export const filesContract = {
  'files.chooseSave': method(
    z.object({ title: z.string().max(200), defaultName: z.string().max(200), filters }),
  ).returns<{ path: string } | null>(NO_ACCESS_LOG),
  'files.chooseOpen': method(z.object({ title: z.string().max(200), filters })).returns<{ path: string } | null>(
    NO_ACCESS_LOG,
  ),
  'files.chooseFolder': method(z.object({ title: z.string().max(200) })).returns<{ path: string } | null>(
    NO_ACCESS_LOG,
  ),
  /** Opens a file Bindeled wrote in its default program (Word for .docx); other paths are refused. */
  'files.open': method(z.object({ path: z.string().min(1).max(1000) })).returns<null>(NO_ACCESS_LOG),
} as const;
