/** Every `specbench` command, in the order `--help` lists them. */
import type { CliCommand } from './cliCommand.js';
import { checkCommand } from './commands/check.js';
import { doctorCommand } from './commands/doctor.js';
import { initCommand } from './commands/init.js';
import { rekeyCommand } from './commands/rekey.js';
import { searchCommand } from './commands/search.js';
import { showCommand } from './commands/show.js';
import { traceCommand } from './commands/trace.js';

export const cliCommands: CliCommand[] = [
  initCommand,
  checkCommand,
  doctorCommand,
  searchCommand,
  showCommand,
  traceCommand,
  rekeyCommand,
];
