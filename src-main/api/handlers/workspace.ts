import { companyCount } from '../../core/companies/company-repo';
import {
  ensureConsultant,
  listConsultants,
  listKommuner,
  listOrganisations,
  suggestFromPostcode,
} from '../../core/reference/reference-data';
import { allSettings, setSetting } from '../../core/settings/settings-repo';
import { deleteView, listViews, saveView } from '../../core/views/saved-views';
import type { Settings } from '../contract';
import { DOCUMENT_SETTING_KEYS } from '../contract/documents';
import type { workspaceContract } from '../contract/workspace';
import type { AreaHandlers } from './types';

function readSettings(all: Record<string, unknown>): Settings {
  const out: Settings = {};
  if (typeof all['user.name'] === 'string') out['user.name'] = all['user.name'];
  if (all['ui.language'] === 'da' || all['ui.language'] === 'en') out['ui.language'] = all['ui.language'];
  for (const key of DOCUMENT_SETTING_KEYS) {
    const value = all[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

export const workspaceHandlers: AreaHandlers<typeof workspaceContract> = {
  'views.list': (_, { db }) => listViews(db),
  'views.save': ({ name, state }, { db }) => saveView(db, name, state),
  'views.delete': ({ id }, { db }) => {
    deleteView(db, id);
    return null;
  },
  'reference.kommuner': (_, { db }) => listKommuner(db),
  'reference.consultants': (_, { db }) => listConsultants(db),
  'reference.organisations': (_, { db }) => listOrganisations(db),
  'reference.postcode': ({ postcode }) => suggestFromPostcode(postcode),
  'consultants.ensure': ({ name }, { db }) => ensureConsultant(db, name),
  'settings.get': (_, { db }) => readSettings(allSettings(db)),
  'settings.update': (input, { db }) => {
    db.transaction(() => {
      for (const [key, value] of Object.entries(input)) if (value !== undefined) setSetting(db, key, value);
    })();
    return readSettings(allSettings(db));
  },
  'app.info': (_, { db, dbPath, appVersion, transport }) => ({
    version: appVersion,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    databasePath: dbPath,
    companyCount: companyCount(db),
    transport: transport === 'electron' ? 'electron' : 'http',
  }),
};
