import type { CliCommand } from '../cli-context';
import { backupCommand } from './backup';
import { checkCommand } from './check';
import { companiesCommand } from './companies';
import { privacyCommand } from './privacy';
import { restoreCommand } from './restore';

/** Every CLI command; add a new one here. */
export const commands: readonly CliCommand[] = [
  checkCommand,
  companiesCommand,
  backupCommand,
  restoreCommand,
  privacyCommand,
];
