/**
 * Every `specbench` command, in the order `--help` lists them. Each is loaded only when it runs
 * (or for --help), so a command never pays for another's dependencies (serve's server, the engine).
 */
import type { CliCommand } from './cliCommand.js';

export const cliCommands: Record<string, () => Promise<CliCommand>> = {
  init: async () => (await import('./commands/init.js')).initCommand,
  check: async () => (await import('./commands/check.js')).checkCommand,
  doctor: async () => (await import('./commands/doctor.js')).doctorCommand,
  search: async () => (await import('./commands/search.js')).searchCommand,
  list: async () => (await import('./commands/list.js')).listCommand,
  show: async () => (await import('./commands/show.js')).showCommand,
  trace: async () => (await import('./commands/trace.js')).traceCommand,
  rekey: async () => (await import('./commands/rekey.js')).rekeyCommand,
  import: async () => (await import('./commands/import.js')).importCommand,
  export: async () => (await import('./commands/export.js')).exportCommand,
  history: async () => (await import('./commands/history.js')).historyCommand,
  diff: async () => (await import('./commands/diff.js')).diffCommand,
  review: async () => (await import('./commands/review.js')).reviewCommand,
  'release-notes': async () => (await import('./commands/releaseNotes.js')).releaseNotesCommand,
  'merge-driver': async () => (await import('./commands/mergeDriver.js')).mergeDriverCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
};

export function loadCommand(name: string): Promise<CliCommand> | undefined {
  return Object.hasOwn(cliCommands, name) ? cliCommands[name]!() : undefined;
}

export function loadAllCommands(): Promise<CliCommand[]> {
  return Promise.all(Object.values(cliCommands).map((load) => load()));
}
