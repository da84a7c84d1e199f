import type { Messages } from '../da';
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
