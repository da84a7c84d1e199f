import type { CliCommand } from '../cli-context';
import { backupCommand } from './backup';
import { checkCommand } from './check';
import { companiesCommand } from './companies';
import { exportCommand } from './export';
import { followupsCommand } from './followups';
import { generateCommand } from './generate';
import { importCommand } from './import';
import { privacyCommand } from './privacy';
import { restoreCommand } from './restore';
import { visitsCommand } from './visits';

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
  generateCommand,
];
