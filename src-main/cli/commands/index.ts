import type { CliCommand } from '../cli-context';
import { attachCommand, attachmentsCommand } from './attachments';
import { backupCommand } from './backup';
import { calendarCommand } from './calendar';
import { checkCommand } from './check';
import { companiesCommand } from './companies';
import { deminimisCommand } from './deminimis';
import { demoCommand } from './demo';
import { exportCommand } from './export';
import { followupsCommand } from './followups';
import { importCommand } from './import';
import { letterCommand } from './letter';
import { letterKindsCommand } from './letter-kinds';
import { networksCommand } from './networks';
import { lagCommand, referralsCommand } from './pipelines';
import { privacyCommand } from './privacy';
import { reportCommand } from './report';
import { restoreCommand } from './restore';
import { tagsCommand } from './tags';
import { visitsCommand } from './visits';
import { weekCommand } from './week';

/** Every CLI command; add a new one here. */
export const commands: readonly CliCommand[] = [
  checkCommand,
  companiesCommand,
  visitsCommand,
  followupsCommand,
  backupCommand,
  restoreCommand,
  privacyCommand,
  importCommand,
  exportCommand,
  letterCommand,
  letterKindsCommand,
  attachCommand,
  attachmentsCommand,
  referralsCommand,
  lagCommand,
  networksCommand,
  tagsCommand,
  reportCommand,
  demoCommand,
  calendarCommand,
  weekCommand,
  deminimisCommand,
];
