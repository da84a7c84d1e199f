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

/**
 * Every text Bindeled shows, writes or prints, in Danish: the source the English catalogue is
 * typed against. One module per feature; a key lives in exactly one of them (a test checks).
 */
export const da = {
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

export type MessageKey = keyof typeof da;
export type Messages = Record<MessageKey, string>;
