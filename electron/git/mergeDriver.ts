/**
 * The git merge driver: git hands it the ancestor, our and their versions of a file (%O %A %B)
 * and its path (%P); it writes the merge into %A and exits 0 when clean, 1 when conflicts remain.
 * Whatever the input, it never loses a side: anything it cannot read as text keeps ours in %A and
 * leaves theirs in git's index, as git's own binary merge does.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createMarkdownCodec } from '../../shared/markdown/markdownCodec.js';
import { codecBlockSplitter } from '../../shared/merge/codecBlocks.js';
import {
  isMarkdownPath,
  mergeFileVersions,
  mergeLines,
  type FileVersions,
} from '../../shared/merge/mergeFile.js';
import { conflictName, markerName } from '../../shared/merge/conflictName.js';
import { conflictCount, renderParts, type MergeOutcome } from '../../shared/merge/mergeParts.js';
import { writeFileAtomic } from '../engine/atomicFile.js';
import { gitComplaint, runGit } from './gitCommand.js';

export interface DriverFiles {
  base: string;
  ours: string;
  theirs: string;
  /** The file's path in the repository (%P), which decides how it is merged. */
  path: string;
  markerSize?: number;
  /** git is replaying commits (a rebase): %B is the commit being replayed, the side not shared yet. */
  rebasing?: boolean;
}

export interface DriverResult {
  /** What git reads: 0 merged cleanly, 1 conflicts remain (or the file was not merged). */
  exitCode: 0 | 1;
  /** For stderr: why conflicts remain, or what a clean merge did that neither side wrote. */
  message?: string;
  /** Roadmap entries of the side not shared yet that the merge moved to a new key. */
  renumbered?: NonNullable<MergeOutcome['renumbered']>;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The text of a file, or why it is not text: NUL bytes (git's own test) or bytes that are not UTF-8. */
function asText(bytes: Buffer): string | 'binary' | 'not UTF-8' {
  if (bytes.subarray(0, 8000).includes(0)) return 'binary';
  try {
    return decoder.decode(bytes);
  } catch {
    return 'not UTF-8';
  }
}

export async function runMergeDriver(files: DriverFiles): Promise<DriverResult> {
  const [base, ours, theirs] = await Promise.all(
    [files.base, files.ours, files.theirs].map((file) => fs.readFile(file)),
  );
  const texts = [base!, ours!, theirs!].map(asText);
  const odd = texts.find((text) => text === 'binary' || text === 'not UTF-8');
  if (odd !== undefined) {
    return {
      exitCode: 1,
      message: `${files.path} is ${odd === 'binary' ? 'a binary file' : 'not UTF-8 text'}: kept our version; theirs is in git's index (git checkout --theirs -- ${files.path})`,
    };
  }
  const [baseText, oursText, theirsText] = texts as [string, string, string];
  const outcome = mergeWithFallback({
    path: files.path,
    base: baseText,
    ours: oursText,
    theirs: theirsText,
    ...(files.rebasing ? { rebasing: true } : {}),
  });
  const conflicts = conflictCount(outcome.parts);
  const merged = renderParts(outcome.parts, {
    markerSize: files.markerSize,
    eol: oursText.includes('\r\n') ? '\r\n' : '\n',
    name: markerName,
  });
  if (merged !== oursText) await writeFileAtomic(files.ours, merged);
  const notes = [
    outcome.notes?.map((note) => `${files.path}: ${note}`).join('; '),
    ...(outcome.duplicateKeys ?? []).map((key) => duplicateLine(key, files.path, merged)),
  ]
    .filter(Boolean)
    .join('\n');
  const moved = outcome.renumbered?.length ? { renumbered: outcome.renumbered } : {};
  if (conflicts === 0) return notes ? { exitCode: 0, message: notes, ...moved } : { exitCode: 0 };
  const how = outcome.fallback ? ` (${outcome.fallback})` : '';
  const names = outcome.parts.flatMap((part) => (part.kind === 'conflict' ? [conflictName(part)] : []));
  const conflicted = `${files.path}: ${names.join(', ')} changed on both sides${how}`;
  return { exitCode: 1, message: notes ? `${conflicted}\n${notes}` : conflicted, ...moved };
}

/** One line for a requirement key both branches added: where it now stands twice and what to do. */
export function duplicateLine(key: string, file: string, merged: string): string {
  const opening = new RegExp(`^:::requirement\\{#${key}(?=[\\s}])`);
  const lines = merged.split('\n').flatMap((line, index) => (opening.test(line) ? [index + 1] : []));
  const where =
    lines.length > 1 ? ` (lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]})` : '';
  return (
    `${key} is now defined twice in ${file}${where}: both branches added it; ` +
    'open Changes in Specbench and choose "Give the newer one a new key"'
  );
}

let splitter: ReturnType<typeof codecBlockSplitter> | undefined;

/** The block merge, or the line merge if the block merge fails on odd input: never neither. */
export function mergeWithFallback(versions: FileVersions): MergeOutcome {
  try {
    if (isMarkdownPath(versions.path)) splitter ??= codecBlockSplitter(createMarkdownCodec());
    return mergeFileVersions(versions, splitter ?? (() => []));
  } catch (error) {
    return {
      parts: mergeLines(versions.base, versions.ours, versions.theirs),
      fallback: `merged line by line: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

export const driverName = 'specbench';
export const attributeLines = [
  '*.md merge=specbench',
  '*.markdown merge=specbench',
  'roadmap.json merge=specbench',
  'rekeys.json merge=specbench',
];

/** The `.gitattributes` text with the driver's lines added, and the lines that were missing. */
export function withAttributeLines(existing: string): { text: string; added: string[] } {
  const present = new Set(existing.split(/\r?\n/).map((line) => line.trim().replace(/\s+/g, ' ')));
  const added = attributeLines.filter((line) => !present.has(line));
  if (added.length === 0) return { text: existing, added };
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const separator = existing === '' || existing.endsWith('\n') ? '' : eol;
  const heading = existing.includes('# Specbench')
    ? []
    : ['# Specbench merges specs block by block and the roadmap item by item'];
  return { text: existing + separator + [...heading, ...added].join(eol) + eol, added };
}

/** `'a b'` for a POSIX shell, which is how git runs a merge driver's command line. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The command line git runs, for this Node and this copy of Specbench. */
export function driverCommand(node: string, script: string): string {
  return `${shellQuote(node)} ${shellQuote(script)} merge-driver run %O %A %B %P`;
}

export function attributesFile(workspaceRoot: string): string {
  return path.join(workspaceRoot, '.gitattributes');
}

export type InstallResult =
  | {
      ok: true;
      /** `merge.specbench.driver = …` lines set in the repository's config (empty when already there). */
      configured: string[];
      /** The repository's git folder, whose config holds them. */
      gitDir: string;
      attributesAdded: string[];
      attributesPath: string;
    }
  | { ok: false; message: string };

/** Registers the driver in the repository's own config and routes the workspace's files to it. */
export async function installMergeDriver(workspaceRoot: string, command: string): Promise<InstallResult> {
  const top = await runGit(['rev-parse', '--git-common-dir'], { cwd: workspaceRoot });
  if (!top.ok) return { ok: false, message: `${gitComplaint(top)} (run git init first)` };
  const gitDir = path.resolve(workspaceRoot, top.stdout.replace(/\n$/, ''));
  const settings: [string, string][] = [
    [`merge.${driverName}.name`, 'Specbench: Markdown block by block, roadmap.json item by item'],
    [`merge.${driverName}.driver`, command],
  ];
  const configured: string[] = [];
  for (const [name, value] of settings) {
    const current = await runGit(['config', '--local', '--get', name], { cwd: workspaceRoot });
    if (current.ok && current.stdout.replace(/\n$/, '') === value) continue;
    const set = await runGit(['config', '--local', name, value], { cwd: workspaceRoot });
    if (!set.ok) return { ok: false, message: gitComplaint(set) };
    configured.push(`${name} = ${value}`);
  }
  const file = attributesFile(workspaceRoot);
  let existing = '';
  try {
    existing = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { text, added } = withAttributeLines(existing);
  if (added.length > 0) await writeFileAtomic(file, text);
  return { ok: true, configured, gitDir, attributesAdded: added, attributesPath: file };
}
