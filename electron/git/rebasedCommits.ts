/**
 * What a rebase did to history: each commit it replayed onto the upstream, mapped back to the commit
 * it was before (same author, author date and message but for Keep both's lines; its content may
 * differ where a conflict was resolved). A rebase leaves no merge with two sides, so "written on this copy's side, before it
 * knew the other" is asked of the commits as they were: the branch's reflog (each "rebase (finish)"
 * entry and the tip just before it) and ORIG_HEAD still name them.
 */
import { withoutChoiceLines } from '../../shared/merge/choiceLines.js';
import { runGit } from './gitCommand.js';
import type { RepositoryPlace } from './repositoryStatus.js';

/** How far back to look: the latest rebases, and commits on HEAD since they were replayed. */
const rebasesRemembered = 20;
const commitsCompared = 5000;

const format = '--format=%x1e%H%x1f%an%x1f%ae%x1f%at%x1f%B';

async function identities(
  place: Pick<RepositoryPlace, 'root'>,
  args: string[],
): Promise<Map<string, string>> {
  const log = await runGit(['log', format, ...args], { cwd: place.root, timeout: 120_000 });
  const byIdentity = new Map<string, string>();
  for (const record of log.ok ? log.stdout.split('\x1e').slice(1) : []) {
    const [hash, author = '', email = '', time = '', ...message] = record.split('\x1f');
    // Keep both while the rebase stopped added its line to the replayed commit's message.
    const key = [author, email, time, withoutChoiceLines(message.join('\x1f'))].join('\x1f');
    if (hash && !byIdentity.has(key)) byIdentity.set(key, hash);
  }
  return byIdentity;
}

/** The branch tips as they were before each rebase the branch's reflog remembers, and ORIG_HEAD. */
async function tipsBeforeRebases(place: Pick<RepositoryPlace, 'root'>): Promise<string[]> {
  const tips: string[] = [];
  const branch = await runGit(['symbolic-ref', '-q', 'HEAD'], { cwd: place.root });
  if (branch.ok) {
    const reflog = await runGit(['reflog', 'show', '--format=%H%x09%gs', branch.stdout.trim(), '--'], {
      cwd: place.root,
    });
    const entries = reflog.ok ? reflog.stdout.split('\n').filter(Boolean) : [];
    for (const [index, entry] of entries.entries()) {
      const before = entries[index + 1]?.split('\t')[0];
      if (/\brebase\b[^:]*\(finish\)/.test(entry.split('\t')[1] ?? '') && before) tips.push(before);
      if (tips.length === rebasesRemembered) break;
    }
  }
  const orig = await runGit(['rev-parse', '-q', '--verify', 'ORIG_HEAD^{commit}'], { cwd: place.root });
  if (orig.ok) tips.push(orig.stdout.trim());
  return [...new Set(tips)];
}

/** Each replayed commit on HEAD, by its hash, to the commit it was before the rebase. */
export async function rebaseOriginals(place: Pick<RepositoryPlace, 'root'>): Promise<Map<string, string>> {
  const originals = new Map<string, string>();
  const tips = await tipsBeforeRebases(place);
  if (tips.length === 0) return originals;
  const before = await identities(place, [...tips, '--not', 'HEAD', '--']);
  if (before.size === 0) return originals;
  const now = await identities(place, [`--max-count=${commitsCompared}`, 'HEAD', '--not', ...tips, '--']);
  for (const [identity, hash] of now) {
    const original = before.get(identity);
    if (original) originals.set(hash, original);
  }
  return originals;
}
