/** The shape of one `specbench` command: its help text, its options and what it does. */
import type { ParseArgsConfig } from 'node:util';
import type { CliContext } from './cliOutput.js';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;
export type CliValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CliCommand {
  name: string;
  /** One line for `specbench --help`. */
  summary: string;
  /** `specbench check <dir> [--format text|json]` */
  usage: string;
  /** The rest of `specbench help <command>`: what it prints, its JSON shape, its exit codes. */
  details: string;
  /** Names of the positional arguments, all required. */
  positionals: string[];
  /** More positionals allowed after those (the command checks them): `merge-driver run %O %A %B %P`. */
  morePositionals?: boolean;
  options: CliOptions;
  run(context: CliContext, positionals: string[], values: CliValues): Promise<number>;
}
