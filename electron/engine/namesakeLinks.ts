/**
 * Links by name whose meaning a new namesake would change: when creating, renaming or moving a note
 * makes its file name shared, a `[[Name]]` that led to one note may now lead to another (a note
 * nearer the root takes the name over) or to whichever comes first by path (two as deep as each
 * other). Nothing may change what a link means silently: these are the links to name, and the
 * edits that pin each to the note it led to before, in path form (`[[folder/Name]]`).
 */
import type { ScannedNameLink } from '../../shared/grammar/markdownScanner.js';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import type { NameResolver } from '../../shared/model/nameResolver.js';
import { type LinkRewrite, lineStarts, rawTargetLength } from './renameLinks.js';

export interface TakenLink {
  /** The linking document. */
  path: string;
  link: ScannedNameLink;
  /** The note the link led to before. */
  was: string;
  /** The note it leads to now; `ambiguous` when only the order of paths decides. */
  now: string;
  ambiguous: boolean;
}

/** The wikilinks by bare name (no folder, no `./`) that lead elsewhere under `after` than under `before`. */
export function takenOverLinks(
  documents: Iterable<DocumentEntry>,
  before: NameResolver,
  after: NameResolver,
): TakenLink[] {
  const taken: TakenLink[] = [];
  for (const document of documents) {
    for (const link of document.nameLinks) {
      if (link.form !== 'wiki' || link.target === '' || link.target.includes('/')) continue;
      const was = before.resolve(link, document.path);
      if (was.kind !== 'found') continue;
      const now = after.resolve(link, document.path);
      if (now.kind !== 'found' && now.kind !== 'ambiguous') continue;
      if (now.kind === 'found' && now.path === was.path) continue;
      taken.push({
        path: document.path,
        link,
        was: was.path,
        now: now.path,
        ambiguous: now.kind === 'ambiguous',
      });
    }
  }
  return taken;
}

/** The edits that write each taken link's target as the path of the note it led to (`.md` kept if written). */
export function pathFormRewrites(
  taken: readonly TakenLink[],
  texts: (path: string) => string | undefined,
): LinkRewrite[] {
  const byFile = new Map<string, TakenLink[]>();
  for (const each of taken) byFile.set(each.path, [...(byFile.get(each.path) ?? []), each]);
  const rewrites: LinkRewrite[] = [];
  for (const [file, links] of byFile) {
    const text = texts(file);
    if (text === undefined) continue;
    const starts = lineStarts(text);
    const edits = links.flatMap(({ link, was }) => {
      const offset = (starts[link.line - 1] ?? 0) + link.column - 1;
      const open = text.indexOf('[[', offset);
      if (open === -1 || open > offset + 1) return [];
      const start = open + 2;
      const written = text.slice(start, start + rawTargetLength(text, start)).trimEnd();
      const keepsExtension = /\.md$/i.test(written);
      return [{ start, end: start + written.length, text: keepsExtension ? was : was.replace(/\.md$/i, '') }];
    });
    if (edits.length > 0) rewrites.push({ path: file, edits });
  }
  return rewrites;
}
