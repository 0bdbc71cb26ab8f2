/**
 * Which file a link by name points at, resolved the way Obsidian resolves `[[Note]]`: a path
 * relative to the linking file (`./`, `../`), then the exact path from the workspace root, then a
 * unique file name (or path ending), then front matter aliases; all without regard to case. When a
 * name is shared, the file in the linking file's folder wins, else the shortest path, and the link is
 * called ambiguous. Markdown links (`[text](../other.md)`) are paths relative to the linking file.
 */
import type { NameLink } from '../grammar/nameLinkGrammar.js';

export interface NamedDocument {
  path: string;
  aliases?: readonly string[];
}

export type Resolution =
  | { kind: 'found'; path: string }
  /** Several files answer to the name; `path` is the one a click opens. */
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

  /** `documents` are the Markdown files; `otherFiles` every other file (images, PDFs) by workspace path. */
  constructor(documents: Iterable<NamedDocument>, otherFiles: Iterable<string> = []) {
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
    const folder = fromPath.includes('/') ? fromPath.slice(0, fromPath.lastIndexOf('/')) : '';
    if (link.form === 'markdown' || target.startsWith('./') || target.startsWith('../')) {
      const joined = joinPath(folder, target);
      if (joined === undefined) return { kind: 'outside' };
      return (
        this.exact(joined) ??
        (link.form === 'markdown' ? { kind: 'missing' } : this.byNameOrAlias(target, folder))
      );
    }
    return this.exact(target.replace(/^\/+/, '')) ?? this.byNameOrAlias(target, folder);
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

function choose(paths: string[], folder: string): Resolution {
  if (paths.length === 1) return { kind: 'found', path: paths[0]! };
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  if (sorted.length === 1) return { kind: 'found', path: sorted[0]! };
  const local = sorted.find(
    (path) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '') === folder,
  );
  if (local !== undefined) return { kind: 'found', path: local };
  return { kind: 'ambiguous', path: sorted[0]!, candidates: sorted };
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
