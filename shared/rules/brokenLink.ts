/**
 * `broken-link`: a `[[KEY]]`, `implements`, `answers`, `about`, `depends`, `roadmap=` or release item that points
 * at nothing (an error by default), or a link by name — `[[Note]]`, `[[Note#Heading]]`,
 * `[text](other.md#h)` — that does (a warning at most: a vault's dangling links are often notes not
 * written yet). A site-root link to a file of the repository outside the workspace is an info: not broken, not checked.
 */
import { formatReference, isKey } from '../grammar/linkGrammar.js';
import type { ScannedNameLink } from '../grammar/markdownScanner.js';
import type { DocumentEntry } from '../model/documentModel.js';
import { findHeading, headingPlainText } from '../model/headingAnchor.js';
import type { KeyIndex, Rule, RuleFinding } from './finding.js';
import { formatNameLink, isAssetLink, nameLinkProblem } from './nameLinkProblem.js';

/** A site-root link (`/README.md`) from a workspace that is a folder of its repository, to a file outside that folder. */
function isSiteRootOutside(link: ScannedNameLink, fromPath: string, keys: KeyIndex): boolean {
  return (
    link.form === 'markdown' &&
    link.target.startsWith('/') &&
    keys.names.resolve(link, fromPath).kind === 'outside'
  );
}

export const brokenLink: Rule = {
  id: 'broken-link',
  check(input, keys) {
    const findings: RuleFinding[] = [];
    for (const document of input.documents) {
      const from = document.key ?? document.path;
      const report = (line: number, message: string): void => {
        findings.push(
          document.key === undefined
            ? { path: document.path, line, message }
            : { path: document.path, line, message, key: document.key },
        );
      };
      for (const reference of document.references) {
        const problem = referenceProblem(reference.target, reference.anchor, keys);
        if (problem)
          report(
            reference.line,
            `${formatReference({ target: reference.target, ...(reference.anchor === undefined ? {} : { anchor: reference.anchor }) })} in ${from} ${problem}.`,
          );
      }
      for (const link of document.nameLinks) {
        if (isAssetLink(link)) continue;
        if (isSiteRootOutside(link, document.path, keys)) {
          findings.push({
            ...(document.key === undefined ? {} : { key: document.key }),
            path: document.path,
            line: link.line,
            message: `${formatNameLink(link)} in ${from} points to ${link.target}, outside this workspace: a file of its repository, not checked.`,
            atMost: 'info',
          });
          continue;
        }
        const problem = nameLinkProblem(document, link, keys);
        if (problem)
          findings.push({
            ...(document.key === undefined ? {} : { key: document.key }),
            path: document.path,
            line: link.line,
            message: `${formatNameLink(link)} in ${from} ${problem}.`,
            atMost: 'warning',
          });
      }
      const line = (field: 'implements' | 'answers' | 'about' | 'depends', key: string): number =>
        input.linkLine?.(document, field, key) ?? 1;
      if (document.type === 'story') {
        for (const key of document.implements) {
          if (!keys.requirements.has(key))
            report(
              line('implements', key),
              `${from} implements ${key}, ${nothingCalled(key, keys, 'a requirement')}.`,
            );
        }
      }
      for (const key of document.depends ?? []) {
        if (!keys.documents.has(key) && !keys.requirements.has(key) && !keys.roadmap.has(key))
          report(line('depends', key), `${from} depends on ${key}, which does not exist.`);
      }
      for (const key of document.answers) {
        if (!keys.documents.has(key))
          report(
            line('answers', key),
            `${from} answers questions about ${key}, ${nothingCalled(key, keys, 'a document')}.`,
          );
      }
      if (document.type === 'feedback') {
        for (const key of document.about) {
          if (!keys.roadmap.has(key) && !keys.requirements.has(key))
            report(
              line('about', key),
              `${from} is evidence for ${key}, ${nothingCalled(key, keys, 'a roadmap item or requirement')}.`,
            );
        }
      }
      for (const requirement of document.requirements) {
        for (const item of requirement.roadmap) {
          if (!keys.roadmap.has(item)) {
            findings.push({
              path: document.path,
              line: requirement.line,
              key: requirement.key,
              message: `${requirement.key} delivers ${item}, ${nothingCalled(item, keys, 'a roadmap item')}.`,
            });
          }
        }
      }
    }
    for (const release of keys.releases.values()) {
      for (const item of release.items) {
        if (!keys.roadmap.has(item)) {
          findings.push({
            path: keys.roadmapPath,
            line: keys.roadmapLine(release.key),
            key: release.key,
            message: `${release.key} ships ${item}, ${nothingCalled(item, keys, 'a roadmap item')}.`,
          });
        }
      }
    }
    return findings;
  },
};

function referenceProblem(target: string, anchor: string | undefined, keys: KeyIndex): string | undefined {
  const document = keys.documents.get(target);
  if (!document) {
    return keys.requirements.has(target) || keys.roadmap.has(target) || keys.releases.has(target)
      ? undefined
      : `links to ${target}, which does not exist`;
  }
  if (anchor === undefined) return undefined;
  if (isKey(anchor)) {
    if (document.requirements.some((requirement) => requirement.key === anchor)) return undefined;
    const elsewhere = keys.requirements.get(anchor)?.document;
    return elsewhere
      ? `links to ${anchor} in ${target}, but ${anchor} is in ${elsewhere.key ?? elsewhere.path}`
      : `links to ${anchor} in ${target}, which has no such requirement`;
  }
  return hasHeading(document, anchor)
    ? undefined
    : `links to the heading "${anchor}" in ${target}, which has no such heading`;
}

/** `#Release plan` and `#release-plan` both name the heading "Release plan" (and "The `--json` flag" is `#the---json-flag`). */
function hasHeading(document: DocumentEntry, anchor: string): boolean {
  if (document.htmlAnchors.includes(anchor)) return true;
  const headings = document.headings.map((heading) => heading.text);
  if (findHeading(headings, anchor) !== -1) return true;
  // Looser than either: punctuation aside (`#release plan` for "Release plan!"), as key links always matched.
  const wanted = slug(anchor);
  return headings.some((heading) => slug(headingPlainText(heading)) === wanted);
}

function slug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s+/g, '-');
}

function nothingCalled(key: string, keys: KeyIndex, kind: string): string {
  const exists =
    keys.documents.has(key) || keys.requirements.has(key) || keys.roadmap.has(key) || keys.releases.has(key);
  return exists ? `which is not ${kind}` : 'which does not exist';
}
