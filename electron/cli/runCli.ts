/** Parses the command line, dispatches to one command, and turns every failure into one line and an exit code. */
import { parseArgs } from 'node:util';
import type { CliCommand } from './cliCommand.js';
import { loadAllCommands, loadCommand } from './cliCommands.js';
import {
  exitCodes,
  fail,
  fileSystemFailure,
  formatTable,
  writeJson,
  writeLines,
  type CliContext,
} from './cliOutput.js';
import { packageVersion } from './packageRoot.js';

export async function runCli(args: string[], context: CliContext): Promise<number> {
  if (!wantsJson(args)) return runGuarded(args, context);
  // A script reading --json gets its error as JSON too, not an empty stdout it cannot parse.
  let printed = false;
  let lastError: string | undefined;
  const watched: CliContext = {
    ...context,
    stdout: {
      isTTY: context.stdout.isTTY,
      write: (text: string | Uint8Array) => {
        printed = true;
        return context.stdout.write(text);
      },
    },
    stderr: {
      isTTY: context.stderr.isTTY,
      write: (text: string) => {
        const line = /^specbench: (.*)\n?$/.exec(text);
        if (line) lastError = line[1];
        return context.stderr.write(text);
      },
    },
  };
  const code = await runGuarded(args, watched);
  if (code !== exitCodes.ok && !printed && lastError !== undefined)
    writeJson(context, { error: lastError, exitCode: code });
  return code;
}

/** `--json`, `--format json` or `--format=json` anywhere before a `--`. */
function wantsJson(args: string[]): boolean {
  const end = args.indexOf('--');
  const options = end === -1 ? args : args.slice(0, end);
  return options.some(
    (arg, index) =>
      arg === '--json' || arg === '--format=json' || (arg === '--format' && options[index + 1] === 'json'),
  );
}

async function runGuarded(args: string[], context: CliContext): Promise<number> {
  try {
    return await dispatch(args, context);
  } catch (error) {
    const failure = fileSystemFailure(context, error);
    if (failure !== undefined) return fail(context, `${args[0]}: ${failure}`, exitCodes.usage);
    const message = error instanceof Error ? error.message : String(error);
    return fail(
      context,
      `internal error: ${message} (this is a bug in Specbench; please report it with the command you ran)`,
      exitCodes.bug,
    );
  }
}

async function dispatch(args: string[], context: CliContext): Promise<number> {
  const [first, ...rest] = args;
  if (first === undefined) return fail(context, 'missing command (see specbench --help)');
  if (first === '--help' || first === '-h') {
    writeLines(context, await overview());
    return exitCodes.ok;
  }
  if (first === '--version' || first === '-V') {
    writeLines(context, [packageVersion()]);
    return exitCodes.ok;
  }
  if (first === 'help') return help(rest, context);
  if (first.startsWith('-')) return fail(context, `unknown option '${first}' (see specbench --help)`);
  const command = await loadCommand(first);
  if (!command) return fail(context, `unknown command '${first}' (see specbench --help)`);
  return runCommand(command, rest, context);
}

async function runCommand(command: CliCommand, args: string[], context: CliContext): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    writeLines(context, commandHelp(command));
    return exitCodes.ok;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    return fail(context, `${command.name}: ${usageMessage(error)} (usage: ${command.usage})`);
  }
  const positionals = parsed.positionals;
  if (positionals.length < command.positionals.length) {
    const missing = command.positionals[positionals.length]!;
    return fail(context, `${command.name}: missing <${missing}> (usage: ${command.usage})`);
  }
  if (positionals.length > command.positionals.length && command.morePositionals !== true) {
    const extra = positionals[command.positionals.length]!;
    return fail(context, `${command.name}: unexpected argument '${extra}' (usage: ${command.usage})`);
  }
  return command.run(context, positionals, parsed.values);
}

const helpUsage = 'specbench help [<command>]';

async function help(args: string[], context: CliContext): Promise<number> {
  if (args.length === 0) {
    writeLines(context, await overview());
    return exitCodes.ok;
  }
  if (args.length === 1 && args[0] === 'help') {
    writeLines(context, [
      `Usage: ${helpUsage}`,
      '',
      'show the commands, or one command in full: its arguments, options, JSON shape and exit codes',
      '',
      'specbench <command> --help (or -h) prints the same as specbench help <command>.',
      '',
      'Exit codes: 0, or 2 for a command that does not exist.',
    ]);
    return exitCodes.ok;
  }
  const command = await loadCommand(args[0]!);
  if (!command || args.length > 1) {
    return fail(context, `help: unknown command '${args.join(' ')}' (see specbench --help)`);
  }
  writeLines(context, commandHelp(command));
  return exitCodes.ok;
}

/** parseArgs throws plain errors with a code; keep its message, which names the option. */
function usageMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option '${unknown[1]}'`;
  return message.split('.')[0]!.replace(/^Option /, 'option ');
}

async function overview(): Promise<string[]> {
  const commands = await loadAllCommands();
  return [
    'specbench: specs, stories, FAQs and a roadmap in a plain folder of Markdown.',
    '',
    'Usage: specbench <command> [arguments] [options]',
    '',
    'Commands:',
    ...formatTable(commands.map((command) => ['  ' + command.name, command.summary])),
    '',
    'Options:',
    '  -h, --help     show help (also: specbench help <command>)',
    '  -V, --version  print the version',
    '  --json         on every command that prints: JSON instead of text (also --format json);',
    '                 on an error, {"error": "<the line on stderr>", "exitCode": N} on stdout',
    '',
    'Exit codes:',
    '  0   success, nothing to report',
    '  1   check found an error-level finding; doctor found a file that would change; show or export',
    '      left out a document whose front matter cannot be read (one line on stderr each)',
    '  2   bad usage, a workspace that cannot be read, a folder that is not a workspace, or a file',
    '      (or the output) that could not be written: a full disk, a read-only folder',
    '      (check, trace, list, search, show: one line on stderr naming the workspaces below it;',
    '      rekey, review, import: refused, nothing written)',
    '  3   a key that is nowhere in the workspace (show, list --spec/--release, export --spec, rekey)',
    '  70  an unexpected internal error: a bug in Specbench',
  ];
}

function commandHelp(command: CliCommand): string[] {
  return [`Usage: ${command.usage}`, '', command.summary, '', ...command.details.trimEnd().split('\n')];
}
