/** Every `specbench` command, in the order `--help` lists them. */
import type { CliCommand } from './cliCommand.js';
import { doctorCommand } from './commands/doctor.js';
import { initCommand } from './commands/init.js';

export const cliCommands: CliCommand[] = [initCommand, doctorCommand];
