import type { CliCommand } from '../cli-context';
import { checkCommand } from './check';
import { companiesCommand } from './companies';

/** Every CLI command; add a new one here. */
export const commands: readonly CliCommand[] = [checkCommand, companiesCommand];
