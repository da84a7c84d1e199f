import { companyCount } from '../../core/companies/company-repo';
import { storageWarning } from '../../core/files/synced-folder';
import { message } from '../../core/messages';
import {
  ensureConsultant,
  listConsultants,
  listKommuner,
  listOrganisations,
  suggestFromPostcode,
} from '../../core/reference/reference-data';
import { unreadableSettings } from '../../core/settings/known-settings';
import { allSettings, setSetting, settingProblemMessage } from '../../core/settings/settings-repo';
import { deleteView, listViews, saveView } from '../../core/views/saved-views';
import { chosenPaths } from '../chosen-paths';
import type { CallContext } from '../context';
import type { Settings } from '../contract';
import { DOCUMENT_SETTING_KEYS } from '../contract/documents';
import type { workspaceContract } from '../contract/workspace';
import { deleteById } from './delete-by-id';
import type { AreaHandlers } from './types';

function readSettings(all: Record<string, unknown>): Settings {
  const out: Settings = {};
  if (typeof all['user.name'] === 'string') out['user.name'] = all['user.name'];
  if (typeof all['user.role'] === 'string') out['user.role'] = all['user.role'];
  if (all['ui.language'] === 'da' || all['ui.language'] === 'en') out['ui.language'] = all['ui.language'];
  for (const key of DOCUMENT_SETTING_KEYS) {
    const value = all[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/**
 * Settings that name a path are held to the same rule as the calls that take one: a new value must
 * be a folder or file the user chose. An unchanged or cleared value needs no check.
 */
function checkPathSettings(ctx: CallContext, input: Record<string, unknown>, current: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(input)) {
    if (typeof value !== 'string' || value === '' || value === current[key]) continue;
    if (key === 'documents.folder') chosenPaths.folderToWrite(ctx, value);
    else if (key === 'letterhead.logoPath' || key.startsWith('documents.template.')) chosenPaths.fileToRead(ctx, value);
  }
}

export const workspaceHandlers: AreaHandlers<typeof workspaceContract> = {
  'views.list': (_, { db }) => listViews(db),
  'views.save': ({ name, state }, { db }) => saveView(db, name, state),
  'views.delete': deleteById(deleteView),
  'reference.kommuner': (_, { db }) => listKommuner(db),
  'reference.consultants': (_, { db }) => listConsultants(db),
  'reference.organisations': (_, { db }) => listOrganisations(db),
  'reference.postcode': ({ postcode }) => suggestFromPostcode(postcode),
  'consultants.ensure': ({ name }, { db }) => ensureConsultant(db, name),
  'settings.get': (_, { db }) => readSettings(allSettings(db)),
  'settings.update': (input, ctx) => {
    const { db } = ctx;
    checkPathSettings(ctx, input, allSettings(db));
    db.transaction(() => {
      for (const [key, value] of Object.entries(input)) if (value !== undefined) setSetting(db, key, value);
      // The user's name is a consultant at once, so "Mine" has someone to mean.
      if (input['user.name']) ensureConsultant(db, input['user.name']);
    })();
    return readSettings(allSettings(db));
  },
  'settings.problems': (_, { db, locale }) =>
    unreadableSettings(db).map((p) => {
      const m = settingProblemMessage(p);
      return { key: p.key, message: message(m.key, m.params, locale) };
    }),
  'app.info': (_, { db, dbPath, appVersion, transport, locale }) => ({
    version: appVersion,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    databasePath: dbPath,
    companyCount: companyCount(db),
    transport: transport === 'electron' ? 'electron' : 'http',
    storageWarning: dbPath ? storageWarning(dbPath, undefined, locale) : null,
  }),
};
