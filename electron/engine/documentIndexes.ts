/**
 * What the workspace knows about its documents, kept current one file at a time: the link index, the
 * full-text search and the quick switcher's candidates. Everything that changes a document (a save,
 * a rename, an outside edit) ends here with `add`, `reindex`, `refresh` or `drop`.
 */
import type { NameResolver } from '../../shared/model/nameResolver.js';
import type { QuickSwitchHit, SearchHit } from '../../shared/contract/apiContract.js';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import { isKey } from '../../shared/grammar/linkGrammar.js';
import type { RoadmapItem } from '../../shared/model/roadmapModel.js';
import type { DocumentStore, FileVersion } from './documentStore.js';
import type { CachedFile } from './indexCache.js';
import { fileTitle } from '../../shared/model/documentTitle.js';
import { isDocumentPath, readAndIndexFile, readTextQuickly } from './loadWorkspaceFiles.js';
import { listOtherFiles } from './otherFiles.js';
import { linkLine } from './fieldLines.js';
import { renameRewrites } from './renameLinks.js';
import { quickSwitch, quickSwitchCandidate, type QuickSwitchCandidate } from './quickSwitch.js';
import { everyLineHit, LineStarts, lineHit, lineOffset } from './searchHit.js';
import { parseQuery, type QueryTerm } from './searchQuery.js';
import { SearchIndex, type SearchOptions } from './searchIndex.js';
import { WorkspaceIndex, type Link } from './workspaceIndex.js';
import { normalizeWorkspacePath } from './workspacePaths.js';

/** Where the roadmap's items live, as the quick switcher names them. */
export const roadmapFile = 'roadmap.json';

export class DocumentIndexes {
  readonly index = new WorkspaceIndex();
  private readonly searchIndex = new SearchIndex((paths) => this.textsFor(paths));
  /** The texts of documents opened from the cache, read on the first search. */
  private cachedTexts: (() => Map<string, string>) | undefined;
  private readonly switchCandidates = new Map<string, QuickSwitchCandidate[]>();
  private roadmapCandidates: QuickSwitchCandidate[] | undefined;
  /** Every candidate in one array, rebuilt after a change: iterating 60,000 of them must stay cheap. */
  private allCandidates: QuickSwitchCandidate[] | undefined;
  /** The files other than Markdown, and when they were listed (they are not watched). */
  private otherFilesList: readonly string[] = [];
  private otherFilesListedAt = -Infinity;
  private searchPrepared = false;

  constructor(
    private readonly root: string,
    private readonly store: DocumentStore,
  ) {}

  /** The files an open read or took from the cache; `cachedTexts` gives the cache's texts on the first search. */
  load(files: CachedFile[], cachedTexts: (() => Map<string, string>) | undefined): void {
    for (const file of files) this.add(file);
    this.cachedTexts = cachedTexts;
  }

  /**
   * Full-text hits, best first. A query that is a key (`REQ-4`, `[[REQ-4]]`) lists every occurrence,
   * one hit per line: where it is defined, then each line linking to it (implements, answers,
   * delivers, [[mentions]]), then the other lines of the matching documents that name it.
   */
  search(query: string, options?: SearchOptions): SearchHit[] {
    const hits = this.searchIndex.search(query, options);
    // The texts are read and folded now: what stays is the switcher's candidates, about a tenth of it.
    this.searchPrepared = true;
    const typed = query.trim().replace(/^\[\[(.*)\]\]$/, '$1');
    // Case does not matter in search: req-4 is REQ-4 when the workspace has a REQ-4.
    const upper = typed.toUpperCase();
    const known = (candidate: string) =>
      this.index.document(candidate) !== undefined || this.index.requirement(candidate) !== undefined;
    const key = isKey(typed) ? typed : isKey(upper) && known(upper) ? upper : undefined;
    if (key === undefined) return hits;
    const terms = parseQuery(key);
    const found = new Map<string, SearchHit>();
    // Each file's line table is built once per search: a key may be mentioned on thousands of its lines.
    const lineTables = new Map<string, LineStarts>();
    const linesOf = (file: string, text: string): LineStarts => {
      let lines = lineTables.get(file);
      if (!lines) lineTables.set(file, (lines = new LineStarts(text)));
      return lines;
    };
    const add = (hit: SearchHit): void => {
      if (!found.has(`${hit.path}:${hit.line}`)) found.set(`${hit.path}:${hit.line}`, hit);
    };
    this.occurrences(key, terms, linesOf).forEach(add);
    const covered = new Set([...found.values()].map((hit) => hit.path));
    for (const hit of hits) {
      const entry = this.index.document(hit.path);
      const text = this.searchIndex.text(hit.path);
      const lines =
        entry && text !== undefined
          ? everyLineHit(entry, text, lineOffset(text, entry.bodyLine), terms, linesOf(hit.path, text))
          : [];
      // A document matched by its key or title alone is already listed where it defines the key.
      if (lines.length > 0) lines.forEach(add);
      else if (!covered.has(hit.path)) add(hit);
    }
    return [...found.values()];
  }

  quickSwitch(query: string, limit: number, roadmap: () => RoadmapItem[]): QuickSwitchHit[] {
    if (!this.allCandidates) {
      for (const entry of this.index.documents()) {
        if (!this.switchCandidates.has(entry.path))
          this.switchCandidates.set(entry.path, candidatesOf(entry));
      }
      this.roadmapCandidates ??= roadmap().map((item) =>
        quickSwitchCandidate({ path: roadmapFile, key: item.key, title: item.title, type: 'roadmap' }),
      );
      this.allCandidates = [...this.switchCandidates.values(), this.roadmapCandidates].flat();
    }
    return quickSwitch(this.allCandidates, query, limit);
  }

  /** Whether search has every text read and folded, and the switcher its candidates (`prepareSearch`, or a search). */
  get searchReady(): boolean {
    return this.searchPrepared;
  }

  /** Reads and folds what search and the quick switcher need, so the first query pays nothing for it. */
  prepareSearch(roadmap: () => RoadmapItem[]): void {
    this.searchIndex.prepare();
    this.quickSwitch('', 1, roadmap);
    this.searchPrepared = true;
  }

  /** Files other than Markdown by workspace path, listed again when the last listing is older than a moment. */
  /** The line of `key` in a document's front-matter `field`, as the rules and the rekey log point at it. */
  readonly fieldLine = (
    document: DocumentEntry,
    field: Parameters<typeof linkLine>[1],
    key: string,
  ): number => linkLine(this.index.fieldLines(document.path), field, key);

  otherFiles(): readonly string[] {
    if (performance.now() - this.otherFilesListedAt > 2_000) {
      this.otherFilesList = listOtherFiles(this.root);
      this.index.setOtherFiles(this.otherFilesList);
      this.otherFilesListedAt = performance.now();
    }
    return this.otherFilesList;
  }

  /** Resolves links by name over every document and other file (listed again when stale). */
  names(): NameResolver {
    this.otherFiles();
    return this.index.names();
  }

  /** A document's links by key and by name, in and out (backlinks included). */
  documentLinks(documentPath: string): { outgoing: Link[]; incoming: Link[] } {
    this.otherFiles();
    return this.index.documentLinks(normalizeWorkspacePath(documentPath));
  }

  /** The documents that link to this one by its file name (`[[Name]]`, `[x](Name.md)`), which a rename would update. */
  linksToName(documentPath: string): { path: string; count: number }[] {
    documentPath = normalizeWorkspacePath(documentPath);
    const entry = this.index.document(documentPath);
    if (!entry || entry.path !== documentPath) return [];
    this.otherFiles();
    const rewrites = renameRewrites(
      this.index.documents(),
      (file) => this.searchIndex.text(file) ?? readTextQuickly(this.root, file),
      this.index.names(),
      documentPath,
      documentPath,
    );
    return rewrites.map((rewrite) => ({ path: rewrite.path, count: rewrite.edits.length }));
  }

  /** The definitions of a key, then the lines linking to it, each once. */
  private occurrences(
    key: string,
    terms: QueryTerm[],
    linesOf: (file: string, text: string) => LineStarts,
  ): SearchHit[] {
    const places = [
      ...this.index.documentsWithKey(key).map((entry) => ({ path: entry.path, line: 1 })),
      ...this.index
        .requirementsWithKey(key)
        .map(({ document, requirement }) => ({ path: document.path, line: requirement.line })),
      ...this.index.links(key).incoming,
    ];
    const hits = new Map<string, SearchHit>();
    for (const place of places) {
      const entry = this.index.document(place.path);
      const text = this.searchIndex.text(place.path);
      if (!entry || entry.path !== place.path || text === undefined) continue;
      // The first mention on the place's line, or the one below it for a block list.
      const lines = linesOf(place.path, text);
      const hit = lineHit(entry, text, lines.offset(place.line, text.length), 2, terms, lines);
      if (hit.highlights.length > 0)
        hits.set(`${hit.path}:${hit.line}`, hits.get(`${hit.path}:${hit.line}`) ?? hit);
    }
    return [...hits.values()];
  }

  /** The roadmap changed: its items are offered afresh on the next quick switch. */
  roadmapChanged(): void {
    this.roadmapCandidates = undefined;
    this.allCandidates = undefined;
  }

  /** Indexes a text just written under `documentPath`. */
  reindex(documentPath: string, text: string, version: FileVersion): void {
    documentPath = normalizeWorkspacePath(documentPath);
    if (!isDocumentPath(documentPath)) return;
    const entry = this.index.update(documentPath, text, version);
    this.add({ entry, fieldLines: this.index.fieldLines(documentPath), text });
  }

  /** Reads a file again after it changed on disk; a vanished file leaves the index. */
  async refresh(documentPath: string): Promise<void> {
    const file = await readAndIndexFile(this.store, documentPath);
    if (file) this.add(file);
    else this.drop(documentPath);
  }

  drop(documentPath: string): void {
    this.index.remove(documentPath);
    this.searchIndex.remove(documentPath);
    this.switchCandidates.delete(documentPath);
    this.allCandidates = undefined;
  }

  /** Every document as the index cache stores it. */
  cachedFiles(): Required<CachedFile>[] {
    return this.index.documents().map((entry) => ({
      entry,
      fieldLines: this.index.fieldLines(entry.path),
      text: this.searchIndex.text(entry.path) ?? '',
    }));
  }

  private add(file: CachedFile): void {
    const { entry } = file;
    this.index.set(entry, file.fieldLines);
    this.searchIndex.set(entry, file.text);
    // Built on the first quick switch, not here: 60,000 foldings would slow every open.
    this.switchCandidates.delete(entry.path);
    this.allCandidates = undefined;
  }

  /** Texts for documents opened from the cache: the cache's copy, else the file as it is now. */
  private textsFor(paths: string[]): Map<string, string> {
    const cached = this.cachedTexts?.() ?? new Map<string, string>();
    this.cachedTexts = undefined;
    const texts = new Map<string, string>();
    for (const documentPath of paths)
      texts.set(documentPath, cached.get(documentPath) ?? readTextQuickly(this.root, documentPath));
    return texts;
  }
}

/** A document and its requirements, as the quick switcher offers them. */
function candidatesOf(entry: DocumentEntry): QuickSwitchCandidate[] {
  const hit: QuickSwitchHit = { path: entry.path, title: entry.title, type: entry.type };
  if (entry.key !== undefined) hit.key = entry.key;
  return [
    quickSwitchCandidate(hit, [fileTitle(entry.path), ...entry.aliases]),
    ...entry.requirements.map((requirement) =>
      quickSwitchCandidate({
        path: entry.path,
        key: requirement.key,
        title: requirement.summary,
        type: 'requirement',
      }),
    ),
  ];
}
