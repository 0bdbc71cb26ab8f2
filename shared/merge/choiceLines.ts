/**
 * Lines naming keys a merge changed ("Keep both: REQ-2 (theirs) is now REQ-15", "Renumbered: RM-13
 * (Store pickup) is now RM-14"), added to its commit message: by the app to git's MERGE_MSG and at
 * Finish, and by the Changes panel to a message the user already edited there, so both survive.
 */
import type { KeptBoth, RenumberedItemView } from '../contract/gitViews.js';

const choiceLine = /^Keep both: /;

/** The Keep both lines a message already holds (git's MERGE_MSG, once the resolver recorded them). */
export function choiceLinesIn(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => choiceLine.test(line));
}

/** The message without its Keep both lines: a replayed commit is the same commit as before it got them. */
export function withoutChoiceLines(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((line) => !choiceLine.test(line))
    .join('\n')
    .trimEnd();
}

/**
 * "Keep both: REQ-2 (Sam's copy) is now REQ-15", for the merge commit's message: in a shared log
 * "yours" says nothing, so a copy is named by whose it is, the resolver's (git's user.name, `user`) or
 * the branch theirs came from; "yours" or "theirs" only when neither is known.
 */
export function keptBothLine(kept: KeptBoth, user?: string): string {
  const side = kept.renamedLabel.replace(/ \(.*\)$/, '').toLowerCase();
  const branch = /\((.+)\)$/.exec(kept.renamedLabel)?.[1];
  const owner = side === 'yours' ? user?.trim() : branch;
  return `Keep both: ${kept.from} (${owner ? `${owner}'s copy` : side}) is now ${kept.to}`;
}

/** "Renumbered: RM-13 (Store pickup) is now RM-14; RM-15 (Gift wrap) is now RM-16": what the merge driver moved. */
export function renumberedCommitLine(moved: readonly RenumberedItemView[]): string {
  const each = moved.map(({ from, to, title }) => `${from}${title ? ` (${title})` : ''} is now ${to}`);
  return `Renumbered: ${each.join('; ')}`;
}

/**
 * The message with lines naming choices made in the resolver, after its text and before git's comment
 * lines: a paragraph of their own, each line once however often a file is resolved. `comments: false`
 * for a message the user wrote, committed as written, where `#2` starts a line of text.
 */
export function withChoiceLines(
  text: string,
  lines: readonly string[],
  options: { comments?: boolean } = {},
): string {
  const all = text.split(/\r?\n/);
  const fresh = lines.filter((line) => !all.includes(line));
  if (fresh.length === 0) return text;
  const firstComment = options.comments !== false ? all.findIndex((line) => line.startsWith('#')) : -1;
  const end = firstComment === -1 ? all.length : firstComment;
  const body = all.slice(0, end).join('\n').trimEnd();
  const comments = all.slice(end).join('\n');
  const joined = body.split('\n').some((line) => choiceLine.test(line))
    ? `${body}\n${fresh.join('\n')}`
    : `${body}\n\n${fresh.join('\n')}`;
  return comments === '' ? `${joined}\n` : `${joined}\n\n${comments}`;
}
