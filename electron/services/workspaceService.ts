/** Every contract method over one open `Workspace`, with results mapped to the contract's view types. */
import path from 'node:path';
import type {
  FileVersion,
  MethodInput,
  MethodName,
  MethodOutput,
  WorkspaceChangeEvent,
  WorkspaceInfo,
} from '../../shared/contract/apiContract.js';
import { documentTypes } from '../../shared/model/documentModel.js';
import type { WorkspaceTemplates } from '../engine/workspaceTemplates.js';
import type { RoadmapItem } from '../../shared/model/roadmapModel.js';
import type { RenameDocumentResult, RenameToResult, Workspace } from '../engine/workspace.js';
import type { LoadedFile } from '../engine/documentStore.js';
import type { ApiService } from './apiService.js';
import { summaryOf } from '../engine/documentSummaries.js';
import { gitUser } from '../git/gitUser.js';
import { approveSpec, markReviewed } from '../git/signOff.js';
import { saveAsset } from './assetWriter.js';
import { gitHandlers } from './gitHandlers.js';
import { findingsDuringMerge, mergeState } from '../git/mergeFindings.js';
import { pushedRekeys, renameId } from '../git/pushedRekeys.js';
import { BundleExporter, type BundleExporterOptions } from './bundleExporter.js';
import { commentHandlers } from './commentHandlers.js';
import { evidenceHandlers } from './evidenceHandlers.js';
import { releaseToSystemTrash, type MoveToSystemTrash } from './systemTrash.js';

export interface WorkspaceServiceOptions extends BundleExporterOptions {
  /** The desktop's system trash (shell.trashItem); without it a deleted document stays in .specbench/trash/. */
  moveToSystemTrash?: MoveToSystemTrash;
  /** Review comments may be written though the workspace is read-only (`specbench serve --comments`). */
  comments?: boolean;
}

/** The workspace's own templates of each document type, as the editor weighs documents against them. */
function templateOutlines(templates: WorkspaceTemplates): WorkspaceInfo['templates'] {
  const outlines: WorkspaceInfo['templates'] = {};
  for (const type of documentTypes) {
    const template = templates[type];
    if (template)
      outlines[type] = {
        requiredSections: template.requiredSections,
        examples: Object.fromEntries(template.examples),
      };
  }
  return outlines;
}

type Handlers = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M> };

type ReadOnly = { ok: false; error: 'read-only'; message: string };

export class WorkspaceService implements ApiService {
  private readonly handlers: Handlers;

  constructor(
    private readonly workspace: Workspace,
    private readonly options: WorkspaceServiceOptions = {},
  ) {
    this.handlers = this.createHandlers();
  }

  async invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const handler = this.handlers[method] as (input: MethodInput<M>) => Promise<MethodOutput<M>>;
    return handler(input);
  }

  onDidChangeWorkspace(listener: (event: WorkspaceChangeEvent) => void): () => void {
    return this.workspace.onDidChange((event) =>
      listener({
        paths: [...event.paths],
        roadmap: event.roadmap,
        ...(event.comments.length > 0 ? { comments: [...event.comments] } : {}),
        ...(event.searchReady ? { searchReady: true as const } : {}),
      }),
    );
  }

  private createHandlers(): Handlers {
    const workspace = this.workspace;
    const exporter = new BundleExporter(workspace, this.options);
    const writable = <T>(run: () => Promise<T>): Promise<T | ReadOnly> =>
      workspace.writable
        ? run()
        : Promise.resolve({ ok: false, error: 'read-only', message: workspace.readOnlyMessage });
    return {
      getWorkspace: () => ({
        name: workspace.settings.name,
        folderName: path.basename(workspace.root),
        writable: workspace.writable,
        ...(!workspace.writable && workspace.readOnlyReason
          ? { readOnlyReason: workspace.readOnlyReason }
          : {}),
        canComment: workspace.writable || this.options.comments === true,
        settings: workspace.settings,
        templates: templateOutlines(workspace.templates),
        searchReady: workspace.searchReady,
        ...(workspace.repositoryFolder === '' ? {} : { repositoryFolder: workspace.repositoryFolder }),
        ...(workspace.softBreaks === 'line' ? { softBreaks: 'line' as const } : {}),
      }),
      listDocuments: ({ paths }) => {
        if (!paths) return workspace.documents().map(summaryOf);
        return paths.flatMap((file) => {
          const entry = workspace.document(file);
          return entry && entry.path === file ? [summaryOf(entry)] : [];
        });
      },
      getDocumentEntry: ({ path: file }) => {
        const entry = workspace.document(file);
        if (!entry || entry.path !== file) {
          return { ok: false, error: 'not-found', message: `${file} is not in the workspace index.` };
        }
        return { ok: true, entry };
      },
      readDocument: async ({ path: file }) => {
        const read = await workspace.readDocument(file);
        if (!read.ok) return { ok: false, error: read.error, message: read.message };
        return { ok: true, text: read.file.text, version: versionOf(read.file) };
      },
      saveDocument: ({ path: file, text, expected }) =>
        writable(async () => {
          const saved = await workspace.saveDocument(file, text, expected);
          if (saved.ok) {
            const entry = workspace.document(file);
            const summary = entry && entry.path === file ? summaryOf(entry) : undefined;
            return { ok: true, version: versionOf(saved.version), ...(summary ? { summary } : {}) };
          }
          return {
            ok: false,
            error: saved.error,
            message: saved.message,
            ...(saved.current
              ? { current: { text: saved.current.text, version: versionOf(saved.current) } }
              : {}),
          };
        }),
      createDocument: ({ type, title, source }) =>
        writable(async () => {
          const created = await workspace.createDocument(type, title, source === undefined ? {} : { source });
          if (!created.ok) return { ok: false, error: created.error, message: created.message };
          return { ok: true, path: created.path, key: created.key };
        }),
      createNote: ({ folder, title }) => writable(() => workspace.createNote(folder, title)),
      trashDocument: ({ path: file }) => writable(() => workspace.trashDocument(file)),
      renameDocument: ({ path: file, name, updateLinks, namesake }) =>
        writable<RenameDocumentResult | RenameToResult>(() =>
          name === undefined
            ? workspace.renameDocument(file)
            : workspace.renameDocumentTo(file, name, {
                updateLinks: updateLinks === true,
                ...(namesake === undefined ? {} : { namesake }),
              }),
        ),
      linksToName: ({ path: file }) => workspace.linksToName(file),
      namesakePreview: async (change) => {
        const namesake = await workspace.namesakePreview(change.path, change);
        const updates =
          'folder' in change ? await workspace.movePreview(change.path, change.folder) : undefined;
        return { ...(namesake ? { namesake } : {}), ...(updates && updates.links > 0 ? { updates } : {}) };
      },
      rewriteNameLinks: ({ links }) => writable(() => workspace.rewriteNameLinks(links)),
      moveDocument: ({ path: file, folder, namesake, name }) =>
        writable(() => workspace.moveDocument(file, folder, namesake, name)),
      undoMove: ({ undo }) => writable(() => workspace.undoMove(undo)),
      rekeyDefinition: ({ key, newKey, path: file, line }) =>
        writable(async () => {
          const renamed = await workspace.rekey(key, newKey, file, line);
          return renamed.ok
            ? { ok: true, changedFiles: renamed.changedFiles }
            : { ok: false, error: renamed.error, message: renamed.message };
        }),
      pendingRekeys: async () => {
        const pushed = await pushedRekeys(workspace.root);
        const rekeys = workspace.pendingRekeys();
        return {
          ok: true,
          rekeys: rekeys.map((record) => ({ ...record, pushed: pushed.has(renameId(record)) })),
        };
      },
      dismissRekey: ({ key, newKey }) =>
        writable(async () => ({ ok: true, dismissed: await workspace.rekeys.dismiss(key, newKey) })),
      repointReferences: ({ key, newKey, references }) =>
        writable(async () => {
          const pointed = await workspace.repoint(key, newKey, references);
          return pointed.ok
            ? { ok: true, changedFiles: pointed.changedFiles }
            : { ok: false, error: pointed.error, message: pointed.message };
        }),
      restoreDocument: ({ trashedTo, path: file }) =>
        writable(() => workspace.restoreDocument(trashedTo, file)),
      releaseTrashed: ({ trashedTo }) =>
        writable(async () => {
          const moveToSystemTrash = this.options.moveToSystemTrash;
          if (!moveToSystemTrash) return { ok: true, systemTrash: false };
          const problem = await releaseToSystemTrash(workspace.root, trashedTo, moveToSystemTrash);
          return problem ? { ok: false, error: 'io', message: problem } : { ok: true, systemTrash: true };
        }),
      saveAsset: ({ name, base64 }) => writable(() => saveAsset(workspace.root, name, base64)),
      getLinks: (input) => {
        const links = 'key' in input ? workspace.links(input.key) : workspace.documentLinks(input.path);
        return { outgoing: links.outgoing, incoming: links.incoming };
      },
      listOtherFiles: () => [...workspace.otherFiles()],
      search: ({ query, limit }) => workspace.search(query, { limit: limit ?? 50 }),
      quickSwitch: ({ query, limit }) => workspace.quickSwitch(query, limit ?? 20),
      // Mid-merge, a conflicted file's findings are one: resolve it in Changes.
      check: async () => {
        const findings = findingsDuringMerge(workspace.check(), await mergeState(workspace.root));
        // The app asks for findings once it is shown: search gets ready next, off its start.
        setImmediate(() => workspace.prepareSearch());
        return findings;
      },
      trace: () =>
        workspace.trace().map((row) => ({
          item: row.item.key,
          requirements: row.requirements.map(({ key, stories }) => ({ key, stories })),
        })),
      listRoadmap: () => workspace.roadmap(),
      createRoadmapItem: (input) => writable(() => workspace.roadmapStore.create(input)),
      updateRoadmapItem: ({ key, patch }) =>
        writable(() => workspace.roadmapStore.update(key, clearingNulls(patch))),
      moveRoadmapItem: ({ key, lane, index }) =>
        writable(() => workspace.roadmapStore.move(key, lane, index)),
      removeRoadmapItem: ({ key }) => writable(() => workspace.removeRoadmapItem(key)),
      ...evidenceHandlers(workspace, writable),
      ...commentHandlers(
        workspace,
        () =>
          workspace.writable || this.options.comments === true
            ? undefined
            : { ok: false, error: 'read-only', message: workspace.readOnlyMessage },
        // A reviewers' server never offers the machine's git identity: each browser names itself.
        this.options.comments !== true,
      ),
      // Writes nothing in the workspace, so read-only windows may export too.
      exportBundle: (input) => exporter.run(input),
      exportProgress: ({ exportId }) => exporter.progress(exportId),
      // Backups live outside the workspace, so a read-only workspace gets them too.
      backupDocument: async ({ path: file, text, base }) =>
        (await workspace.backups()).write(file, text, base),
      listBackups: async ({ path: file }) => (await workspace.backups()).list(file),
      discardBackup: async ({ path: file }) => (await workspace.backups()).discard(file),
      recoverBackup: ({ path: file }) => writable(() => workspace.recoverBackup(file)),
      markReviewed: ({ path: file }) =>
        writable(async () => {
          const entry = workspace.document(file);
          if (entry?.type !== 'story')
            return { ok: false as const, error: 'not-a-story', message: `${file} is not a story.` };
          const result = await markReviewed(workspace, entry.path);
          return result.ok
            ? { ok: true as const, stamps: result.stamps }
            : { ok: false as const, error: 'io', message: result.message };
        }),
      approveDocument: ({ path: file }) =>
        writable(async () => {
          const entry = workspace.document(file);
          if (entry?.type !== 'spec')
            return { ok: false as const, error: 'not-a-spec', message: `${file} is not a spec.` };
          const approver = await gitUser(workspace.root);
          if (!approver.ok) return { ok: false as const, error: 'no-git-user', message: approver.message };
          const result = await approveSpec(workspace, entry.path, approver);
          if (!result.ok) return { ok: false as const, error: 'io', message: result.message };
          return { ok: true as const, by: result.approval.by, at: result.approval.at };
        }),
      ...gitHandlers(workspace, () => workspace.writable),
      // The desktop shell answers this before a workspace sees it; a browser has its own menu.
      showContextMenu: () => ({
        ok: false,
        error: 'desktop-only',
        message: 'Only the desktop app shows native menus.',
      }),
    };
  }
}

/** The store clears a field given as `undefined`; over the contract (JSON) that is `null`. */
function clearingNulls(patch: MethodInput<'updateRoadmapItem'>['patch']): Partial<RoadmapItem> {
  const fields: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(patch)) fields[field] = value ?? undefined;
  return fields as Partial<RoadmapItem>;
}

/** Only the version fields cross the boundary, never a loaded file's text or absolute path. */
function versionOf(file: FileVersion | LoadedFile): FileVersion {
  return { size: file.size, mtimeMs: file.mtimeMs, hash: file.hash };
}
