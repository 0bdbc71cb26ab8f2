/**
 * The in-memory index of every document: by path, by key, requirements by key, and links in both
 * directions. Links are stored on the "from" side in the files; backlinks are computed here, and kept
 * current one file at a time so a change costs only that file's links.
 */
import type { LinkView } from '../../shared/contract/apiContract.js';
import { isKey, referencedKeys } from '../../shared/grammar/linkGrammar.js';
import type { ScannedNameLink } from '../../shared/grammar/markdownScanner.js';
import type { DocumentEntry, RequirementEntry } from '../../shared/model/documentModel.js';
import { NameResolver, type Resolution } from '../../shared/model/nameResolver.js';
import { frontMatterFieldLines, linkLine, type FieldLines } from './fieldLines.js';
import { indexDocument, type IndexedVersion } from './indexDocument.js';

export type Link = LinkView;
export type LinkKind = Link['kind'];

export interface FoundRequirement {
  requirement: RequirementEntry;
  document: DocumentEntry;
}

type LinksByPath = Map<string, Link[]>;

export class WorkspaceIndex {
  private readonly byPath = new Map<string, DocumentEntry>();
  private readonly fieldLinesByPath = new Map<string, FieldLines>();
  private readonly byKey = new Map<string, DocumentEntry[]>();
  private readonly requirementsByKey = new Map<string, FoundRequirement[]>();
  private readonly linksFromPath = new Map<string, Link[]>();
  private readonly outgoingByKey = new Map<string, LinksByPath>();
  private readonly incomingByKey = new Map<string, LinksByPath>();
  /** Lookup name (a link target's last part) → paths of the files that link by it. */
  private readonly nameLinkers = new Map<string, Set<string>>();
  private resolver: NameResolver | undefined;
  private otherFiles: readonly string[] = [];
  /** The workspace's folder inside its git repository (`docs`), for site-root links; '' at its root. */
  private folderInRepository = '';
  private workspaceFolderName = '';
  private sorted: DocumentEntry[] | undefined;
  /** Links are built on first use: an open that never asks for them skips 100,000 small allocations. */
  private linksBuilt = false;
  /** Requirements by key too: an entry from the cache decodes its requirements only when they are read. */
  private requirementsBuilt = false;

  /** Indexes a file's text and replaces what was known about its path; returns the new entry. */
  update(path: string, text: string, version: IndexedVersion): DocumentEntry {
    const entry = indexDocument(path, text, version);
    this.set(entry, frontMatterFieldLines(text, entry.bodyLine));
    return entry;
  }

  /** Adds or replaces an entry indexed elsewhere (a worker, the cache). */
  set(entry: DocumentEntry, fieldLines: FieldLines = {}): void {
    const previous = this.byPath.get(entry.path);
    // Names change only when a file comes or goes, or its aliases change: most saves keep the resolver.
    if (!previous || previous.aliases.join('\n') !== entry.aliases.join('\n')) this.resolver = undefined;
    this.remove(entry.path, false);
    this.byPath.set(entry.path, entry);
    this.fieldLinesByPath.set(entry.path, fieldLines);
    if (entry.key !== undefined) addTo(this.byKey, entry.key, entry);
    if (this.requirementsBuilt) this.addRequirements(entry);
    if (this.linksBuilt) this.addLinks(entry, fieldLines);
    this.sorted = undefined;
  }

  private addLinks(entry: DocumentEntry, fieldLines: FieldLines): void {
    const links = linksOf(entry, fieldLines);
    this.linksFromPath.set(entry.path, links);
    for (const link of links) {
      addLink(this.outgoingByKey, link.from, link);
      addLink(this.incomingByKey, link.to, link);
    }
    for (const link of entry.nameLinks) {
      const name = NameResolver.lookupName(link);
      let linkers = this.nameLinkers.get(name);
      if (!linkers) this.nameLinkers.set(name, (linkers = new Set()));
      linkers.add(entry.path);
    }
  }

  private addRequirements(entry: DocumentEntry): void {
    for (const requirement of entry.requirements) {
      addTo(this.requirementsByKey, requirement.key, { requirement, document: entry });
    }
  }

  private buildRequirements(): Map<string, FoundRequirement[]> {
    if (!this.requirementsBuilt) {
      this.requirementsBuilt = true;
      for (const entry of this.byPath.values()) this.addRequirements(entry);
    }
    return this.requirementsByKey;
  }

  private buildLinks(): void {
    if (this.linksBuilt) return;
    this.linksBuilt = true;
    for (const entry of this.byPath.values()) this.addLinks(entry, this.fieldLines(entry.path));
  }

  remove(path: string, namesChange = true): boolean {
    const entry = this.byPath.get(path);
    if (!entry) return false;
    if (namesChange) this.resolver = undefined;
    if (this.linksBuilt) {
      for (const link of entry.nameLinks) this.nameLinkers.get(NameResolver.lookupName(link))?.delete(path);
    }
    this.byPath.delete(path);
    this.fieldLinesByPath.delete(path);
    if (entry.key !== undefined) removeFrom(this.byKey, entry.key, (candidate) => candidate === entry);
    if (this.requirementsBuilt) {
      for (const requirement of entry.requirements) {
        removeFrom(this.requirementsByKey, requirement.key, (found) => found.document === entry);
      }
    }
    for (const link of this.linksFromPath.get(path) ?? []) {
      removeLink(this.outgoingByKey, link.from, path);
      removeLink(this.incomingByKey, link.to, path);
    }
    this.linksFromPath.delete(path);
    this.sorted = undefined;
    return true;
  }

  get size(): number {
    return this.byPath.size;
  }

  /** Every document, sorted by path. Treat the entries as read-only. */
  documents(): DocumentEntry[] {
    this.sorted ??= [...this.byPath.values()].sort((a, b) =>
      a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
    );
    return this.sorted;
  }

  fieldLines(path: string): FieldLines {
    return this.fieldLinesByPath.get(path) ?? {};
  }

  /** A document by key (the first by path when a key is duplicated) or by workspace path. */
  document(keyOrPath: string): DocumentEntry | undefined {
    return this.byKey.get(keyOrPath)?.[0] ?? this.byPath.get(keyOrPath);
  }

  /** Every document using a key; more than one is a duplicate. */
  documentsWithKey(key: string): DocumentEntry[] {
    return this.byKey.get(key) ?? [];
  }

  requirement(key: string): FoundRequirement | undefined {
    return this.buildRequirements().get(key)?.[0];
  }

  /** Every requirement using a key, by document path; more than one is a duplicate. */
  requirementsWithKey(key: string): FoundRequirement[] {
    return this.buildRequirements().get(key) ?? [];
  }

  /** Every key a document or requirement defines. */
  keys(): IterableIterator<string> {
    return new Set([...this.byKey.keys(), ...this.buildRequirements().keys()]).values();
  }

  /** Every key some link names, defined or not (a link to a deleted document still names its key). */
  linkedKeys(): IterableIterator<string> {
    this.buildLinks();
    return this.incomingByKey.keys();
  }

  /** Links made by `key` (a document or requirement) and links pointing at it, each by path then line. */
  links(key: string): { outgoing: Link[]; incoming: Link[] } {
    this.buildLinks();
    return { outgoing: flatten(this.outgoingByKey.get(key)), incoming: flatten(this.incomingByKey.get(key)) };
  }

  /** The workspace's files that are not Markdown (images, PDFs), which `![[…]]` and `[…](…)` may name. */
  setOtherFiles(files: readonly string[]): void {
    this.otherFiles = files;
    this.resolver = undefined;
  }

  /** Where the workspace sits in its git repository, read at open: site-root links map back through it. */
  setRepositoryFolder(folder: string, folderName: string): void {
    this.folderInRepository = folder;
    this.workspaceFolderName = folderName;
    this.resolver = undefined;
  }

  get repositoryFolder(): string {
    return this.folderInRepository;
  }

  /** The workspace folder's own name (`docs`), where site-root links start outside a repository's sub-folder. */
  get folderName(): string {
    return this.workspaceFolderName;
  }

  /** The resolver of links by name over every document and other file, built again after names change. */
  names(): NameResolver {
    this.resolver ??= new NameResolver(
      this.byPath.values(),
      this.otherFiles,
      this.folderInRepository,
      this.workspaceFolderName,
    );
    return this.resolver;
  }

  /** Where a link by name in `fromPath` leads. */
  resolve(link: ScannedNameLink, fromPath: string): Resolution {
    return this.names().resolve(link, fromPath);
  }

  /**
   * A document's links: its key's (references, implements, answers, delivers) and its links by name,
   * out (each to the key or path it resolves to, or the name as written) and in (from every file
   * whose name link resolves here), each by path then line.
   */
  documentLinks(path: string): { outgoing: Link[]; incoming: Link[] } {
    const entry = this.byPath.get(path);
    if (!entry) return { outgoing: [], incoming: [] };
    this.buildLinks();
    // A document without a key still links by key (`[[SPEC-1]]`): its own links are from its path.
    const byKey =
      entry.key === undefined
        ? { outgoing: this.linksFromPath.get(path) ?? [], incoming: [] }
        : this.links(entry.key);
    const outgoing = [...byKey.outgoing];
    for (const link of entry.nameLinks) {
      const resolved = this.resolve(link, path);
      if (resolved.kind === 'outside' || (resolved.kind === 'found' && resolved.path === path)) continue;
      const target = resolved.kind === 'missing' ? undefined : this.byPath.get(resolved.path);
      const to = target
        ? (target.key ?? target.path)
        : resolved.kind === 'missing'
          ? link.target
          : resolved.path;
      const state = resolved.kind === 'found' ? {} : { state: resolved.kind };
      outgoing.push({ from: entry.key ?? path, to, kind: 'mentions', path, line: link.line, ...state });
    }
    const incoming = [...byKey.incoming];
    const seen = new Set(incoming.map((link) => `${link.path}:${link.line}`));
    const names = this.names();
    for (const name of NameResolver.namesOf(entry)) {
      for (const linker of this.nameLinkers.get(name) ?? []) {
        const from = this.byPath.get(linker);
        if (!from || linker === path) continue;
        for (const link of from.nameLinks) {
          if (NameResolver.lookupName(link) !== name) continue;
          const resolved = names.resolve(link, linker);
          // An ambiguous name mentions each note it could mean, marked so: none of them loses it silently.
          const mentions =
            resolved.kind === 'found'
              ? resolved.path === path
              : resolved.kind === 'ambiguous' && resolved.candidates.includes(path);
          if (!mentions) continue;
          const place = `${linker}:${link.line}`;
          if (seen.has(place)) {
            // A definite link on the line outweighs an ambiguous one there.
            const earlier = incoming.find((found) => `${found.path}:${found.line}` === place);
            if (earlier?.state === 'ambiguous' && resolved.kind === 'found') delete earlier.state;
            continue;
          }
          seen.add(place);
          incoming.push({
            from: from.key ?? linker,
            to: entry.key ?? path,
            kind: 'mentions',
            path: linker,
            line: link.line,
            ...(resolved.kind === 'ambiguous' ? { state: 'ambiguous' as const } : {}),
          });
        }
      }
    }
    const order = (a: Link, b: Link) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line);
    return { outgoing: outgoing.sort(order), incoming: incoming.sort(order) };
  }
}

/** The links a document makes: its references, `implements`, `answers`, `about` and its requirements' `roadmap=`. */
export function linksOf(entry: DocumentEntry, fieldLines: FieldLines): Link[] {
  const from = entry.key ?? entry.path;
  const links: Link[] = [];
  const add = (linkFrom: string, to: string, kind: LinkKind, line: number) =>
    links.push({ from: linkFrom, to, kind, path: entry.path, line });
  for (const requirement of entry.requirements) {
    for (const item of requirement.roadmap) add(requirement.key, item, 'delivers', requirement.line);
  }
  for (const key of entry.implements)
    if (isKey(key)) add(from, key, 'implements', linkLine(fieldLines, 'implements', key));
  for (const key of entry.answers)
    if (isKey(key)) add(from, key, 'answers', linkLine(fieldLines, 'answers', key));
  if (entry.type === 'feedback') {
    for (const key of entry.about)
      if (isKey(key)) add(from, key, 'evidence', linkLine(fieldLines, 'about', key));
  }
  for (const reference of entry.references) {
    for (const key of referencedKeys(reference)) add(from, key, 'mentions', reference.line);
  }
  return links;
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}

function removeFrom<T>(map: Map<string, T[]>, key: string, matches: (value: T) => boolean): void {
  const values = map.get(key);
  if (!values) return;
  const kept = values.filter((value) => !matches(value));
  if (kept.length === 0) map.delete(key);
  else map.set(key, kept);
}

function addLink(map: Map<string, LinksByPath>, key: string, link: Link): void {
  let byPath = map.get(key);
  if (!byPath) map.set(key, (byPath = new Map()));
  const links = byPath.get(link.path);
  if (links) links.push(link);
  else byPath.set(link.path, [link]);
}

function removeLink(map: Map<string, LinksByPath>, key: string, path: string): void {
  const byPath = map.get(key);
  if (!byPath) return;
  byPath.delete(path);
  if (byPath.size === 0) map.delete(key);
}

function flatten(byPath: LinksByPath | undefined): Link[] {
  if (!byPath) return [];
  const paths = [...byPath.keys()].sort();
  return paths.flatMap((path) => [...byPath.get(path)!].sort((a, b) => a.line - b.line));
}
