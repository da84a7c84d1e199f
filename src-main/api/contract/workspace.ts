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
      name: z.string().trim().min(1, { message: 'views.nameRequired' }).max(80, { message: 'validation.tooLong' }),
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
    z.object({ name: z.string().trim().min(1, { message: 'validation.required' }).max(100) }),
  ).returns<Consultant>(),
  'settings.get': method(z.object({})).returns<Settings>(),
  'settings.update': method(settingsSchema).returns<Settings>(),
  'app.info': method(z.object({})).returns<AppInfo>(),
} as const;

export const jobsContract = {
  /** Cancels a running job (import, export, batch letters); its transaction rolls back. */
  'jobs.cancel': method(z.object({ jobId: z.string().min(1).max(64) })).returns<{ cancelled: boolean }>(),
} as const;
