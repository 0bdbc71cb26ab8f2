/**
 * The message a stopped merge will be committed with: git's MERGE_MSG without its comment lines
 * ("# Conflicts:" and the files under it), which git removes only when an editor was used.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { KeptBoth } from '../../shared/contract/gitViews.js';
import { writeFileAtomic } from '../engine/atomicFile.js';

export async function mergeMessage(gitDir: string): Promise<string | undefined> {
  const text = await fs.readFile(path.join(gitDir, 'MERGE_MSG'), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : cleanMessage(text);
}

/** A commit message as git's `--cleanup=strip` leaves it: no `#` lines, no trailing spaces or blank lines at the ends. */
export function cleanMessage(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('#'))
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const choiceLine = /^Keep both: /;

/** "Keep both: REQ-2 (theirs) is now REQ-15", for the merge commit's message. */
export function keptBothLine(kept: KeptBoth): string {
  const side = kept.renamedLabel.replace(/ \(.*\)$/, '').toLowerCase();
  return `Keep both: ${kept.from} (${side}) is now ${kept.to}`;
}

/**
 * The message with lines naming choices made in the resolver, after its text and before git's comment
 * lines: a paragraph of their own, each line once however often a file is resolved.
 */
export function withChoiceLines(text: string, lines: readonly string[]): string {
  const all = text.split(/\r?\n/);
  const fresh = lines.filter((line) => !all.includes(line));
  if (fresh.length === 0) return text;
  const firstComment = all.findIndex((line) => line.startsWith('#'));
  const end = firstComment === -1 ? all.length : firstComment;
  const body = all.slice(0, end).join('\n').trimEnd();
  const comments = all.slice(end).join('\n');
  const joined = body.split('\n').some((line) => choiceLine.test(line))
    ? `${body}\n${fresh.join('\n')}`
    : `${body}\n\n${fresh.join('\n')}`;
  return comments === '' ? `${joined}\n` : `${joined}\n\n${comments}`;
}

/** Adds the lines to the stopped merge's MERGE_MSG, so Finish (or `git commit`) commits them. */
export async function recordChoices(gitDir: string, lines: readonly string[]): Promise<void> {
  const file = path.join(gitDir, 'MERGE_MSG');
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined || lines.length === 0) return;
  const next = withChoiceLines(text, lines);
  if (next !== text) await writeFileAtomic(file, next);
}
