import { z } from 'zod';
import type { Consultant, Kommune, Organisation } from '../../core/reference/reference-types';
import { type SavedView, viewStateSchema } from '../../core/views/view-schema';
import { method } from './define';
import { documentSettingsShape } from './documents';

export const settingsSchema = z.object({
  'user.name': z.string().trim().max(100).optional(),
  'ui.language': z.enum(['da', 'en']).optional(),
  // Letterhead, signature, documents folder and custom templates (issue 4).
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
}

export const workspaceContract = {
  'views.list': method(z.object({})).returns<SavedView[]>(),
  'views.save': method(
    z.object({
      name: z.string().trim().min(1, { message: 'view_name' }).max(80, { message: 'too_long' }),
      state: viewStateSchema,
    }),
  ).returns<SavedView>(),
  'views.delete': method(z.object({ id: z.number().int().positive() })).returns<null>(),
  'reference.kommuner': method(z.object({})).returns<Kommune[]>(),
  'reference.consultants': method(z.object({})).returns<Consultant[]>(),
  'reference.organisations': method(z.object({})).returns<Organisation[]>(),
  'reference.postcode': method(z.object({ postcode: z.string().max(10) })).returns<{
    city: string;
    kommuneCode: number;
  } | null>(),
  'consultants.ensure': method(
    z.object({ name: z.string().trim().min(1, { message: 'required' }).max(100) }),
  ).returns<Consultant>(),
  'settings.get': method(z.object({})).returns<Settings>(),
  'settings.update': method(settingsSchema).returns<Settings>(),
  /** Settings stored in a form Bindeled cannot read (edited with sqlite3); each is used as empty or default. */
  'settings.problems': method(z.object({})).returns<SettingNotice[]>(),
  'app.info': method(z.object({})).returns<AppInfo>(),
} as const;

export const jobsContract = {
  /** Cancels a running job (import, export, batch letters); its transaction rolls back. */
  'jobs.cancel': method(z.object({ jobId: z.string().min(1).max(64) })).returns<{ cancelled: boolean }>(),
} as const;
