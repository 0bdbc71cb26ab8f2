/**
 * The edits that keep links working when a note moves to another folder (and maybe takes a new name
 * there): a path link (`[[Folder/Note#h|label]]`), a relative Markdown link (`[x](../a%20b/Note.md#h)`)
 * or a bare name that would now find another note is written anew to lead to the note at its new path;
 * the moved note's own relative links and images are recomputed from its new folder. Only the path
 * inside each link changes: its anchor, label, encoding, `.md` or not and angle brackets stay. A link
 * that still leads where it did is left alone.
 */
import path from 'node:path';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import { NameResolver } from '../../shared/model/nameResolver.js';
import type { DocumentIndexes } from './documentIndexes.js';
import { lineStarts, targetSpan, type LinkRewrite } from './renameLinks.js';

/** The edits for each document whose links the move of `from` to `to` would otherwise break. */
export function moveRewrites(
  documents: Iterable<DocumentEntry>,
  texts: (path: string) => string | undefined,
  names: { before: NameResolver; after: NameResolver },
  from: string,
  to: string,
): LinkRewrite[] {
  const rewrites: LinkRewrite[] = [];
  for (const document of documents) {
    const moved = document.path === from;
    const now = moved ? to : document.path;
    const text = texts(document.path);
    if (text === undefined) continue;
    const starts = lineStarts(text);
    const edits: LinkRewrite['edits'] = [];
    for (const link of document.nameLinks) {
      if (link.target === '') continue;
      const was = names.before.resolve(link, document.path);
      if (was.kind !== 'found' && was.kind !== 'ambiguous') continue;
      if (!moved && was.path !== from) continue;
      const destination = was.path === from ? to : was.path;
      const is = names.after.resolve(link, now);
      if ((is.kind === 'found' || is.kind === 'ambiguous') && is.path === destination) continue;
      const span = targetSpan(text, (starts[link.line - 1] ?? 0) + link.column - 1, link);
      if (!span) continue;
      const written = text.slice(span.start, span.end).trimEnd();
      const target = newTarget(written, link.form, now, destination, span.angled, names.after);
      if (target !== undefined)
        edits.push({ start: span.start, end: span.start + written.length, text: target });
    }
    if (edits.length > 0) rewrites.push({ path: document.path, edits });
  }
  return rewrites;
}

/**
 * How the link written as `written` in the file at `from` names `destination`, in the same style
 * (relative or from the top folder, bare name when that alone finds it, `.md` or not, `%20` or not);
 * undefined when no such form leads there.
 */
function newTarget(
  written: string,
  form: 'wiki' | 'markdown',
  from: string,
  destination: string,
  angled: boolean,
  after: NameResolver,
): string | undefined {
  const withExtension = /\.md$/i.test(written) || !/\.md$/i.test(destination);
  const shown = withExtension ? destination : destination.replace(/\.md$/i, '');
  const relative = path.posix.relative(path.posix.dirname(from), shown);
  const dotted = written.startsWith('./') && !relative.startsWith('../') ? `./${relative}` : relative;
  const candidates =
    form === 'markdown' || written.startsWith('./') || written.startsWith('../')
      ? [dotted]
      : written.includes('/')
        ? [shown]
        : [path.posix.basename(shown), shown];
  const target = candidates.find((candidate) => {
    const found = after.resolve({ target: candidate, form }, from);
    return (found.kind === 'found' || found.kind === 'ambiguous') && found.path === destination;
  });
  if (target === undefined || form === 'wiki' || angled) return target;
  const encoded = !/[ ]/.test(written);
  return encoded ? target.split('/').map(encodeURIComponent).join('/') : target;
}

/** How names resolve once the document at `from` is at `to`. */
export function namesAfterMove(indexes: DocumentIndexes, from: string, to: string): NameResolver {
  return new NameResolver(
    [...indexes.index.documents()].map((entry) => (entry.path === from ? { ...entry, path: to } : entry)),
    indexes.otherFiles(),
    indexes.index.repositoryFolder,
    indexes.index.folderName,
  );
}
