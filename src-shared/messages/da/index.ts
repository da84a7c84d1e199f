import { app } from './app';
import { attachments } from './attachments';
import { bulk } from './bulk';
import { calendar } from './calendar';
import { cli } from './cli';
import { common } from './common';
import { companies } from './companies';
import { correspondence } from './correspondence';
import { cvrRegister } from './cvr-register';
import { deminimis } from './deminimis';
import { documents } from './documents';
import { duplicates } from './duplicates';
import { industryCodes } from './industry-codes';
import { interop } from './interop';
import { keyboard } from './keyboard';
import { letterKinds } from './letter-kinds';
import { outreach } from './outreach';
import { pipelines } from './pipelines';
import { placeholderExamples } from './placeholder-examples';
import { platform } from './platform';
import { privacy } from './privacy';
import { report } from './report';
import { settings } from './settings';
import { tags } from './tags';
import { visits } from './visits';
import { week } from './week';

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
  ...tags,
  ...calendar,
  ...correspondence,
  ...pipelines,
  ...bulk,
  ...week,
  ...platform,
  ...deminimis,
  ...keyboard,
  ...cvrRegister,
  ...industryCodes,
  ...letterKinds,
  ...placeholderExamples,
};

export type MessageKey = keyof typeof da;
export type Messages = Record<MessageKey, string>;
