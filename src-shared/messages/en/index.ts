import type { Messages } from '../da';
import { app } from './app';
import { attachments } from './attachments';
import { cli } from './cli';
import { common } from './common';
import { companies } from './companies';
import { documents } from './documents';
import { duplicates } from './duplicates';
import { interop } from './interop';
import { keyboard } from './keyboard';
import { outreach } from './outreach';
import { privacy } from './privacy';
import { report } from './report';
import { settings } from './settings';
import { visits } from './visits';

/** English: the same modules and keys as the Danish catalogue; a missing key does not compile. */
export const en: Messages = {
  ...common,
  ...app,
  ...companies,
  ...duplicates,
  ...visits,
  ...outreach,
  ...documents,
  ...interop,
  ...report,
  ...privacy,
  ...settings,
  ...cli,
  ...attachments,
  ...keyboard,
};
