/**
 * Review comments in `check`: `unresolved-comments` (info) counts each document's open threads, at the
 * first one; `comment-anchor-missing` (warning) names a thread whose requirement, heading or document
 * is gone. A key anchor holds wherever the key lives now, so moving a requirement to another spec or
 * renaming the file breaks nothing.
 */
import { headingIds } from '../model/headingAnchor.js';
import type { CommentAnchor } from '../review/reviewFile.js';
import type { KeyIndex, Rule, RuleFinding } from './finding.js';

export const unresolvedComments: Rule = {
  id: 'unresolved-comments',
  check(input) {
    const findings: RuleFinding[] = [];
    for (const review of input.reviews ?? []) {
      const open = review.threads.filter((thread) => !thread.resolved);
      if (open.length === 0) continue;
      findings.push({
        key: review.document,
        path: review.path,
        line: open[0]!.line,
        message: `${review.document} has ${open.length} unresolved comment ${open.length === 1 ? 'thread' : 'threads'}.`,
      });
    }
    return findings;
  },
};

export const commentAnchorMissing: Rule = {
  id: 'comment-anchor-missing',
  check(input, keys) {
    const findings: RuleFinding[] = [];
    for (const review of input.reviews ?? []) {
      const document = keys.documents.get(review.document);
      if (!document) {
        if (review.threads.length > 0)
          findings.push({
            key: review.document,
            path: review.path,
            line: review.threads[0]!.line,
            message: `${review.path} holds comments on ${review.document}, which is no longer in the workspace.`,
          });
        continue;
      }
      const slugs = new Set(headingIds(document.headings.map((heading) => heading.text)));
      for (const thread of review.threads) {
        const missing = missingAnchor(thread.anchor, review.document, slugs, keys);
        if (missing)
          findings.push({
            key: review.document,
            path: review.path,
            line: thread.line,
            message: `A comment on ${review.document} is anchored to ${missing}, which is no longer there.`,
          });
      }
    }
    return findings;
  },
};

function missingAnchor(
  anchor: CommentAnchor,
  documentKey: string,
  slugs: ReadonlySet<string>,
  keys: KeyIndex,
): string | undefined {
  if (anchor.kind === 'key')
    return anchor.key === documentKey || keys.requirements.has(anchor.key) || keys.documents.has(anchor.key)
      ? undefined
      : anchor.key;
  if (anchor.slug === undefined || slugs.has(anchor.slug)) return undefined;
  return `the heading #${anchor.slug}`;
}
