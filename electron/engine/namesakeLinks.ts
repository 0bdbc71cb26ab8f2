/**
 * Links by name whose meaning a new namesake would change: when creating, renaming or moving a note
 * makes its file name shared, a `[[Name]]` that led to one note may now lead to another (the note at
 * the exact path, `Name.md` in the top folder, or one in the linking note's own folder takes the name
 * over) or become ambiguous (namesakes elsewhere only: Obsidian opens the shortest path). Nothing may
 * change what a link means silently: these are the links to name, and the edits that pin each to the
 * note it led to before, in path form (`[[folder/Name]]`). A link that was ambiguous already counts
 * when the note it opens changes.
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
  /** The note it leads to now; `ambiguous` when several namesakes, none at the exact path or beside the link, answer. */
  now: string;
  ambiguous: boolean;
}

/**
 * The wikilinks by bare name (no folder, no `./`) that lead elsewhere under `after` than under `before`;
 * with `moved`, the links of the document at `moved.from` resolve from `moved.to` under `after` (a
 * rename not yet made).
 */
export function takenOverLinks(
  documents: Iterable<DocumentEntry>,
  before: NameResolver,
  after: NameResolver,
  moved?: { from: string; to: string },
): TakenLink[] {
  const taken: TakenLink[] = [];
  for (const document of documents) {
    const afterPath = document.path === moved?.from ? moved.to : document.path;
    for (const link of document.nameLinks) {
      if (link.form !== 'wiki' || link.target === '' || link.target.includes('/')) continue;
      const was = before.resolve(link, document.path);
      if (was.kind !== 'found' && was.kind !== 'ambiguous') continue;
      const now = after.resolve(link, afterPath);
      if (now.kind !== 'found' && now.kind !== 'ambiguous') continue;
      if (now.path === was.path && (now.kind === 'found' || was.kind === 'ambiguous')) continue;
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

/** One link's target as written (`from`) and what to write instead (`to`), at the link's `[[`. */
export interface NameLinkEdit {
  path: string;
  line: number;
  column: number;
  from: string;
  to: string;
}

/** What a new namesake changed: the links it took, and the edits that pin them where they led. */
export interface NamesakeNotice {
  /** The shared file name, as the first taken link spells it. */
  name: string;
  /** The notes sharing it, the new one included. */
  notes: string[];
  /** Where the taken links lead now; `ambiguous` when only the order of paths decides. */
  now: string;
  ambiguous: boolean;
  /** Where they led before (one note, as a rule). */
  was: string[];
  /** The edits that write each taken link in path form (`[[folder/Name]]`). */
  links: NameLinkEdit[];
  /** The files holding them. */
  files: string[];
}

/** The path-form edit of each taken link: its target written as the note it led to (`.md` kept if written). */
export function pathFormEdits(
  taken: readonly TakenLink[],
  texts: (path: string) => string | undefined,
): NameLinkEdit[] {
  const edits: NameLinkEdit[] = [];
  for (const { path, link, was } of taken) {
    const text = texts(path);
    const place = text === undefined ? undefined : targetAt(text, link.line, link.column);
    if (!place) continue;
    const from = text!.slice(place.start, place.end);
    const to = /\.md$/i.test(from) ? was : was.replace(/\.md$/i, '');
    edits.push({ path, line: link.line, column: link.column, from, to });
  }
  return edits;
}

/** The notice for the links a new note took over, or undefined when it took none. */
export function namesakeNotice(
  taken: readonly TakenLink[],
  texts: (path: string) => string | undefined,
  notes: readonly string[],
): NamesakeNotice | undefined {
  const links = pathFormEdits(taken, texts);
  if (links.length === 0) return undefined;
  const first = taken[0]!;
  return {
    // As the links spell it (a slug file name, `plan.md`, may spell it otherwise).
    name: links[0]!.from.replace(/\.md$/i, ''),
    notes: [...notes],
    now: first.now,
    ambiguous: taken.some((each) => each.ambiguous),
    was: [...new Set(taken.map((each) => each.was))],
    links,
    files: [...new Set(links.map((each) => each.path))],
  };
}

/**
 * The edits as offsets per file, or the first whose link no longer reads `from` (the file changed
 * since): nothing is written then.
 */
export function editRewrites(
  edits: readonly NameLinkEdit[],
  texts: (path: string) => string | undefined,
): { ok: true; rewrites: LinkRewrite[] } | { ok: false; edit: NameLinkEdit } {
  const byFile = new Map<string, LinkRewrite['edits']>();
  for (const edit of edits) {
    const text = texts(edit.path);
    const place = text === undefined ? undefined : targetAt(text, edit.line, edit.column);
    if (!place || text!.slice(place.start, place.end) !== edit.from) return { ok: false, edit };
    const list = byFile.get(edit.path) ?? [];
    if (!list.some((each) => each.start === place.start)) list.push({ ...place, text: edit.to });
    byFile.set(edit.path, list);
  }
  return { ok: true, rewrites: [...byFile].map(([path, list]) => ({ path, edits: list })) };
}

/** The edits that write each taken link's target as the path of the note it led to (`.md` kept if written). */
export function pathFormRewrites(
  taken: readonly TakenLink[],
  texts: (path: string) => string | undefined,
): LinkRewrite[] {
  const edited = editRewrites(pathFormEdits(taken, texts), texts);
  return edited.ok ? edited.rewrites : [];
}

/** Where the target of the wikilink whose `[[` (or `![[`) is at line/column stands, trailing spaces left out. */
function targetAt(text: string, line: number, column: number): { start: number; end: number } | undefined {
  const starts = lineStarts(text);
  const lineStart = starts[line - 1];
  if (lineStart === undefined) return undefined;
  const offset = lineStart + column - 1;
  const open = text.indexOf('[[', offset);
  if (open === -1 || open > offset + 1) return undefined;
  const start = open + 2;
  const written = text.slice(start, start + rawTargetLength(text, start)).trimEnd();
  return { start, end: start + written.length };
}
