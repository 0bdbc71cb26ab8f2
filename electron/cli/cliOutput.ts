/** What every command shares for talking to the terminal: streams, exit codes, tables, JSON, errors. */
import path from 'node:path';

/** Exit codes, documented in `specbench --help`. */
export const exitCodes = {
  ok: 0,
  /** `check` found an error-level finding; `doctor` found a file that would change. */
  findings: 1,
  /** Bad usage, or a workspace that cannot be read. */
  usage: 2,
  /** A key (`show`, `export --spec`, `rekey`, `list --spec`/`--release`) that is nowhere in the workspace. */
  unknownKey: 3,
  /** An unexpected exception: a bug in Specbench (sysexits' EX_SOFTWARE). */
  bug: 70,
} as const;

export interface CliStreams {
  /** Bytes only for `export --out -`. */
  stdout: { write(text: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

export interface CliContext extends CliStreams {
  /** The folder relative paths on the command line are resolved against. */
  cwd: string;
}

/** One clear line on stderr, then the exit code to return. */
export function fail(context: CliStreams, message: string, code: number = exitCodes.usage): number {
  context.stderr.write(`specbench: ${message.split('\n')[0]}\n`);
  return code;
}

/** `--json` and `--format text|json`, accepted by every command that prints. */
export const outputOptions = {
  json: { type: 'boolean' },
  format: { type: 'string' },
} as const;

export const outputHelp = `  --json, --format json  print JSON instead of text (--format text is the default)`;

/** The output the options ask for, or undefined after one line on stderr for a format that is neither. */
export function outputFormat(
  context: CliStreams,
  command: string,
  values: { json?: unknown; format?: unknown },
): 'text' | 'json' | undefined {
  if (values.format !== undefined && values.format !== 'text' && values.format !== 'json') {
    fail(context, `${command}: --format must be text or json, not '${String(values.format)}'`);
    return undefined;
  }
  if (values.json === true && values.format === 'text') {
    fail(context, `${command}: give --json or --format text, not both`);
    return undefined;
  }
  return values.json === true || values.format === 'json' ? 'json' : 'text';
}

export function writeJson(context: CliStreams, value: unknown): void {
  context.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function writeLines(context: CliStreams, lines: string[]): void {
  if (lines.length > 0) context.stdout.write(`${lines.join('\n')}\n`);
}

/** Pads every column but the last to its widest cell, so the rows line up on a terminal. */
export function formatTable(rows: string[][], rightAligned: number[] = []): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, cell.length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, column) => {
        if (rightAligned.includes(column)) return cell.padStart(widths[column]!);
        return column === row.length - 1 ? cell : cell.padEnd(widths[column]!);
      })
      .join('  ')
      .trimEnd(),
  );
}

/** `file:line` as shownPath names the file, so terminals and editors can jump to it. */
export function fileLocation(
  context: CliContext,
  root: string,
  workspacePath: string,
  line?: number,
): string {
  const shown = shownPath(context, path.join(root, workspacePath), root);
  return line === undefined || line < 1 ? shown : `${shown}:${line}`;
}

/**
 * A path the way a user reads it back: relative to the working folder when it is below it (or when
 * both are in `workspace`, the workspace's root), else whole: /tmp/walk/dana, never ../../../tmp/walk/dana.
 */
export function shownPath(context: CliContext, file: string, workspace?: string): string {
  const absolute = path.resolve(context.cwd, file);
  const relative = path.relative(context.cwd, absolute) || '.';
  if (!climbs(relative)) return relative;
  if (workspace !== undefined && !climbs(path.relative(path.resolve(context.cwd, workspace), context.cwd)))
    return relative;
  return absolute;
}

function climbs(relative: string): boolean {
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
}

/** Counts things in words (`1 file`, `3 files`), as the app does: the CLI's commands import it from here. */
export { plural } from '../../shared/model/plural.js';

/** A system error in words a user can act on, without the stack or the syscall. */
export function systemMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const words = code === undefined ? undefined : systemWords[code];
  if (words !== undefined) return words;
  return error instanceof Error ? error.message : String(error);
}

const systemWords: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EMFILE: 'too many files are open',
};

/**
 * A file-system failure that escaped a command (a full disk, a read-only folder) as one line in
 * words, naming the file relative to the working folder; undefined for anything else, which is a bug.
 */
export function fileSystemFailure(context: CliContext, error: unknown): string | undefined {
  const { code, path: file } = (error ?? {}) as NodeJS.ErrnoException;
  if (code === undefined || systemWords[code] === undefined) return undefined;
  const shown = file === undefined ? 'a file' : shownPath(context, file);
  return `${shown} could not be written: ${systemWords[code]}`;
}

/** A path or word as a POSIX shell reads it back: bare when safe, else in single quotes ('it'\''s'). */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_/.,:@%+=-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** An option given as a comma list, repeated, or both (`--spec A,B --spec C`), or undefined when absent or empty. */
export function commaList(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const values = (Array.isArray(value) ? value : [value]).flatMap((item) => String(item).split(','));
  const list = values.map((item) => item.trim()).filter((item) => item !== '');
  return list.length === 0 ? undefined : list;
}

/** A message naming files by absolute path (the export writer's), with those inside the working folder named from it, as typed. */
export function fromWorkingFolder(context: CliContext, message: string): string {
  return message.split(context.cwd + path.sep).join('');
}
