import { z } from 'zod';
import type { Consultant, Kommune, Organisation } from '../../core/reference/reference-types';
import { type SavedView, viewStateSchema } from '../../core/views/view-schema';
import { method, NO_ACCESS_LOG } from './define';
import { documentSettingsShape } from './documents';

export const settingsSchema = z.object({
  'user.name': z.string().trim().max(100).optional(),
  'user.role': z.string().trim().max(100).optional(),
  'ui.language': z.enum(['da', 'en']).optional(),
  // Letterhead, signature, documents folder and custom templates.
  ...documentSettingsShape,
});
export type Settings = z.infer<typeof settingsSchema>;

/** A stored setting Bindeled cannot use (changed by hand), with the message that names it. */
export interface SettingNotice {
  key: string;
  message: string;
}

export interface AppInfo {
  version: string;
  schemaVersion: number;
  databasePath: string;
  companyCount: number;
  transport: 'electron' | 'http';
  /** Why the database's folder is unsafe (synced by OneDrive & co., a network drive), with the safe place; null when it is safe. */
  storageWarning: string | null;
}

export const workspaceContract = {
  'views.list': method(z.object({})).returns<SavedView[]>(NO_ACCESS_LOG),
  'views.save': method(
    z.object({
      name: z.string().trim().min(1, { message: 'views.nameRequired' }).max(80, { message: 'validation.tooLong' }),
      state: viewStateSchema,
    }),
  ).returns<SavedView>(NO_ACCESS_LOG),
  'views.delete': method(z.object({ id: z.number().int().positive() })).returns<null>(NO_ACCESS_LOG),
  'reference.kommuner': method(z.object({})).returns<Kommune[]>(NO_ACCESS_LOG),
  'reference.consultants': method(z.object({})).returns<Consultant[]>(NO_ACCESS_LOG),
  'reference.organisations': method(z.object({})).returns<Organisation[]>(NO_ACCESS_LOG),
  'reference.postcode': method(z.object({ postcode: z.string().max(10) })).returns<{
    city: string;
    kommuneCode: number;
  } | null>(NO_ACCESS_LOG),
  'consultants.ensure': method(
    z.object({ name: z.string().trim().min(1, { message: 'validation.required' }).max(100) }),
  ).returns<Consultant>(NO_ACCESS_LOG),
  'settings.get': method(z.object({})).returns<Settings>(NO_ACCESS_LOG),
  'settings.update': method(settingsSchema).returns<Settings>(NO_ACCESS_LOG),
  /** Settings stored in a form Bindeled cannot read (edited with sqlite3); each is used as empty or default. */
  'settings.problems': method(z.object({})).returns<SettingNotice[]>(NO_ACCESS_LOG),
  'app.info': method(z.object({})).returns<AppInfo>(NO_ACCESS_LOG),
} as const;

export const jobsContract = {
  /** Cancels a running job (import, export, batch letters); its transaction rolls back. */
  'jobs.cancel': method(z.object({ jobId: z.string().min(1).max(64) })).returns<{ cancelled: boolean }>(NO_ACCESS_LOG),
} as const;
