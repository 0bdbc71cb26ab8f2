/**
 * Which file a link by name points at, resolved the way Obsidian's getFirstLinkpathDest does (observed
 * on Obsidian 1.13.7): a path relative to the linking file (`./`, `../`), then the exact path from the
 * workspace root (`[[Note]]` is `Note.md` at the root, `[[b/Note]]` is `b/Note.md`, even when a
 * namesake sits beside the linking note), then the files whose path ends with the name, then front
 * matter aliases; all without regard to case. Among several files ending with the name, one in the
 * linking file's own folder wins (a folder above it counts for nothing), else the shortest path
 * string (`a/b/Note.md` over `zzzz/Note.md`: characters, not folders), then the first by path.
 * Attachments (`chart.png`) and folder-qualified names (`Old/Plan`) follow the same order, as
 * Obsidian sorts every file the same way. A link is ambiguous when several files answer to the name
 * and neither the exact path nor the own folder settles it: the length of the paths' spelling then
 * decides, which no author means, so `check` asks for the path. A namesake can therefore take bare
 * links over silently only by being at the exact path or in the linking note's folder. Markdown links
 * (`[text](../other.md)`) are paths relative to
 * the linking file (an attachment with no folder, `![alt](chart.png)`, also by its unique file name,
 * as Obsidian reads it); site-root ones (`[text](/docs/api.md)`) are read from the repository's root
 * (the workspace root, or the git repository holding the workspace folder), as GitHub reads them.
 * A workspace at no repository's sub-folder also reads `/docs/…` in a folder named `docs` from the
 * folder that holds it, as a docs site (docsify) served from there does.
 */
import type { NameLink } from '../grammar/nameLinkGrammar.js';

export interface NamedDocument {
  path: string;
  aliases?: readonly string[];
}

export type Resolution =
  | { kind: 'found'; path: string }
  /** Several files answer to the name, none at its exact path or in the linking folder; `path` is the one Obsidian opens (the shortest), `candidates` all of them. */
  | { kind: 'ambiguous'; path: string; candidates: string[] }
  | { kind: 'missing' }
  /** A relative path leading out of the workspace: not ours to judge. */
  | { kind: 'outside' };

const markdownExtension = /\.md$/i;

export class NameResolver {
  private readonly byLowerPath = new Map<string, string>();
  private readonly byExactPath = new Set<string>();
  /** Lowercased file name (without `.md` for documents) → paths. */
  private readonly byName = new Map<string, string[]>();
  private readonly byAlias = new Map<string, string[]>();
  private readonly folders = new Set<string>();

  /**
   * `documents` are the Markdown files; `otherFiles` every other file (images, PDFs) by workspace path;
   * `repositoryFolder` the workspace's folder inside its git repository (`docs`), '' at its root;
   * `folderName` the workspace folder's own name (`docs`), the site root's folder when that is ''.
   */
  constructor(
    documents: Iterable<NamedDocument>,
    otherFiles: Iterable<string> = [],
    private readonly repositoryFolder = '',
    private readonly folderName = '',
  ) {
    for (const document of documents) {
      this.addFile(document.path);
      for (const alias of document.aliases ?? []) add(this.byAlias, alias.toLowerCase(), document.path);
    }
    for (const file of otherFiles) this.addFile(file);
  }

  private addFile(path: string): void {
    this.byExactPath.add(path);
    if (!this.byLowerPath.has(path.toLowerCase())) this.byLowerPath.set(path.toLowerCase(), path);
    add(this.byName, nameOf(path), path);
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
      this.folders.add(path.slice(0, slash));
    }
  }

  /** The key a link is filed under for backlinks: the lowercased last part of its target. */
  static lookupName(link: Pick<NameLink, 'target'>): string {
    return nameOf(link.target);
  }

  /** The lookup names of a document: its file name and its aliases. */
  static namesOf(document: NamedDocument): string[] {
    return [nameOf(document.path), ...(document.aliases ?? []).map((alias) => alias.toLowerCase())];
  }

  resolve(link: Pick<NameLink, 'target' | 'form'>, fromPath: string): Resolution {
    const target = link.target;
    if (target === '') return { kind: 'found', path: fromPath };
    const folder = parentOf(fromPath);
    if (link.form === 'markdown' && target.startsWith('/')) return this.fromRepositoryRoot(target);
    if (link.form === 'markdown' || target.startsWith('./') || target.startsWith('../')) {
      const joined = joinPath(folder, target);
      if (joined === undefined) return { kind: 'outside' };
      return (
        this.exact(joined) ??
        (link.form === 'markdown' ? this.attachmentByName(target) : this.byNameOrAlias(target, folder))
      );
    }
    return this.exact(target.replace(/^\/+/, '')) ?? this.byNameOrAlias(target, folder);
  }

  /** `/docs/api/Client.md` from the repository root: inside the workspace folder, or outside it. */
  private fromRepositoryRoot(target: string): Resolution {
    const joined = joinPath('', target);
    if (joined === undefined) return { kind: 'outside' };
    const folder = this.repositoryFolder.replace(/^\/+|\/+$/g, '');
    if (folder === '')
      return this.exact(joined) ?? this.underFolder(joined, this.folderName) ?? { kind: 'missing' };
    return this.underFolder(joined, folder) ?? { kind: 'outside' };
  }

  /** `docs/api/Client.md` read inside the workspace when the workspace is the folder `docs`; undefined when it leads elsewhere. */
  private underFolder(path: string, folder: string): Resolution | undefined {
    const prefix = `${folder.toLowerCase()}/`;
    if (folder === '' || !path.toLowerCase().startsWith(prefix)) return undefined;
    return this.exact(path.slice(prefix.length)) ?? { kind: 'missing' };
  }

  /**
   * `![alt](chart.png)` with no folder is found by its file name anywhere, as Obsidian finds it, when
   * one file only has that name; several stay missing, and the finding names them.
   */
  private attachmentByName(target: string): Resolution {
    const lower = target.toLowerCase();
    if (lower.includes('/') || markdownExtension.test(lower) || !/\.[a-z0-9]+$/.test(lower))
      return { kind: 'missing' };
    const named = this.byName.get(nameOf(lower)) ?? [];
    return named.length === 1 ? { kind: 'found', path: named[0]! } : { kind: 'missing' };
  }

  /** A path as written (a folder counts: repository docs link to `../src/`), `.md` optional. */
  private exact(path: string): Resolution | undefined {
    const trimmed = path.replace(/\/+$/, '');
    if (trimmed === '') return undefined;
    for (const candidate of [trimmed, `${trimmed}.md`]) {
      if (this.byExactPath.has(candidate)) return { kind: 'found', path: candidate };
      const found = this.byLowerPath.get(candidate.toLowerCase());
      if (found !== undefined) return { kind: 'found', path: found };
    }
    if (this.folders.has(trimmed)) return { kind: 'found', path: trimmed };
    return undefined;
  }

  private byNameOrAlias(target: string, folder: string): Resolution {
    const lower = target.toLowerCase().replace(/^\.\/+/, '');
    const suffix = lower.replace(markdownExtension, '');
    const named = (this.byName.get(nameOf(lower)) ?? []).filter((path) => {
      const candidate = path.toLowerCase();
      const bare = candidate.replace(markdownExtension, '');
      return [candidate, bare].some(
        (form) =>
          form === lower || form === suffix || form.endsWith(`/${lower}`) || form.endsWith(`/${suffix}`),
      );
    });
    if (named.length > 0) return choose(named, folder);
    const aliased = this.byAlias.get(target.toLowerCase());
    if (aliased && aliased.length > 0) return choose(aliased, folder);
    return { kind: 'missing' };
  }
}

/**
 * Obsidian's pick among files answering to one name: one in the linking file's own `folder`, else the
 * shortest path, then the first by path; ambiguous when there are several and none is in that folder.
 */
function choose(paths: readonly string[], folder: string): Resolution {
  const unique = [...new Set(paths)];
  if (unique.length === 1) return { kind: 'found', path: unique[0]! };
  const own = unique.filter((path) => parentOf(path).toLowerCase() === folder.toLowerCase());
  if (own.length > 0) return { kind: 'found', path: byLengthThenPath(own)[0]! };
  const sorted = byLengthThenPath(unique);
  return { kind: 'ambiguous', path: sorted[0]!, candidates: sorted };
}

function byLengthThenPath(paths: readonly string[]): string[] {
  return [...paths].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
}

function parentOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

/** `folder/My Note.md` → `my note`; `images/Chart.PNG` → `chart.png`. */
function nameOf(path: string): string {
  return path
    .slice(path.lastIndexOf('/') + 1)
    .replace(markdownExtension, '')
    .toLowerCase();
}

/** `a/b` + `../c.md` → `a/c.md`; undefined when it climbs above the root. */
export function joinPath(folder: string, relative: string): string | undefined {
  const parts = folder === '' ? [] : folder.split('/');
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

function add(map: Map<string, string[]>, key: string, value: string): void {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}

/**
 * An image's source as the workspace finds it: `bases-noshadow.png#interface`, with no folder, becomes
 * `/Attachments/bases-noshadow.png` when `find` (the resolver, for a Markdown embed) knows one file by
 * that name; every other source is kept as written. Shared by the editor and the exports.
 */
export function locateImageSource(source: string, find: (link: NameLink) => string | undefined): string {
  if (source.includes('/') || /^[a-z][a-z0-9+.-]*:/i.test(source)) return source;
  let name: string;
  try {
    name = decodeURI(source.split(/[?#]/)[0]!);
  } catch {
    return source;
  }
  const path = name === '' ? undefined : find({ target: name, form: 'markdown', embed: true });
  return path === undefined ? source : `/${path.split('/').map(encodeURI).join('/')}`;
}

/** `find` for `locateImageSource` over a resolver: the one file the link leads to, if any. */
export function foundPath(names: NameResolver, fromPath: string): (link: NameLink) => string | undefined {
  return (link) => {
    const resolved = names.resolve(link, fromPath);
    return resolved.kind === 'found' ? resolved.path : undefined;
  };
}
