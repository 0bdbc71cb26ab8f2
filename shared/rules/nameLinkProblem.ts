/** What is wrong with a link by name (`[[Note#Heading]]`, `[text](../other.md)`, `![[image.png]]`), shared by `broken-link` and `missing-asset`. */
import type { ScannedNameLink } from '../grammar/markdownScanner.js';
import type { DocumentEntry } from '../model/documentModel.js';
import { findHeading } from '../model/headingAnchor.js';
import { nearMatchQuestion, nearMatches } from '../model/nearMatch.js';
import type { KeyIndex } from './finding.js';

const imageExtension = /\.(?:png|jpe?g|gif|svg|webp|avif|bmp|ico|tiff?)$/i;

/** An image or other file shown in place (`![[chart.png]]`, `![alt](img.png)`, `<img src>`), not a note. */
export function isAssetLink(link: ScannedNameLink): boolean {
  if (!link.embed) return false;
  const name = link.target.slice(link.target.lastIndexOf('/') + 1);
  return link.form === 'markdown'
    ? !/\.md$/i.test(name)
    : /\.[A-Za-z0-9]+$/.test(name) && !/\.md$/i.test(name);
}

export function isImagePath(path: string): boolean {
  return imageExtension.test(path);
}

/** The link as its author wrote it, near enough to find it in the file. */
export function formatNameLink(link: ScannedNameLink): string {
  const anchor = link.anchor === undefined ? '' : `#${link.anchor}`;
  if (link.form === 'markdown')
    return `${link.embed ? '!' : ''}[${link.label ?? ''}](${link.target}${anchor})`;
  const label = link.label === undefined ? '' : `|${link.label}`;
  return `${link.embed ? '!' : ''}[[${link.target}${anchor}${label}]]`;
}

/** Why the link leads nowhere, as the end of a sentence; undefined when it resolves (or leaves the workspace). */
export function nameLinkProblem(
  document: DocumentEntry,
  link: ScannedNameLink,
  keys: KeyIndex,
): string | undefined {
  const resolved = keys.names.resolve(link, document.path);
  if (resolved.kind === 'outside') return undefined;
  if (resolved.kind === 'missing') {
    if (link.form === 'markdown') {
      const near = nearMatchQuestion(nearMatches(keys.names, link.target, document.path));
      return `points to ${link.target}, which is not in this workspace${near === '' ? '' : ` (${near})`}`;
    }
    return `links to "${link.target}", which no file, path or alias in this workspace is called`;
  }
  // An ambiguous name is `ambiguous-link`'s; its anchor is checked in the file it opens.
  if (link.anchor === undefined) return undefined;
  const target = keys.byPath.get(resolved.path);
  if (!target) return undefined;
  const where = target.path === document.path ? 'this document' : target.path;
  if (link.anchor.startsWith('^')) {
    return target.blockIds.includes(link.anchor.slice(1))
      ? undefined
      : `points to block ${link.anchor} in ${where}, which has no such block`;
  }
  const headings = target.headings.map((heading) => heading.text);
  // An HTML anchor in the target (`<span id="7">`) is as good as a heading.
  if (target.htmlAnchors.includes(link.anchor.slice(link.anchor.lastIndexOf('#') + 1))) return undefined;
  return findHeading(headings, link.anchor) === -1
    ? `points to the heading "${link.anchor}" in ${where}, which has no such heading`
    : undefined;
}

/** Why a name that several files answer to equally is a problem, as the end of a sentence. */
export function ambiguityProblem(
  link: ScannedNameLink,
  candidates: readonly string[],
  opens: string,
): string {
  const name = link.target.slice(link.target.lastIndexOf('/') + 1);
  const shown = candidates.slice(0, 3).join(', ');
  const more = candidates.length > 3 ? ` and ${candidates.length - 3} more` : '';
  return `could mean any of ${candidates.length} files named ${name} (${shown}${more}); it opens ${opens}, as Obsidian would: write the path to choose one`;
}
