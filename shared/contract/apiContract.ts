/**
 * The one list of every API method the renderer can call, with its argument schema. The IPC
 * handlers, the preload bridge, the browser-mode HTTP server and the renderer's client are all
 * derived from this list, and every inbound call is validated against it.
 */
import { z } from 'zod';
import type { DocumentEntry, DocumentType } from '../model/documentModel.js';
import type { DocumentSummary } from './documentSummary.js';
import { maxDocumentBytes } from './documentLimits.js';
import type { RoadmapItem } from '../model/roadmapModel.js';
import type { RekeyRecord } from '../model/rekeyRecord.js';
import type { Settings } from '../model/settingsModel.js';
import type { TemplateType } from '../templates/template.js';
import { lanes, roadmapItemSchema, type Release } from '../model/roadmapModel.js';
import type {
  ChangeReportView,
  ConflictView,
  FileDiffView,
  GitStatusView,
  GitUnavailable,
  ItemChangeView,
  KeyArrivalView,
  PullOutcome,
  KeptBoth,
  RenumberedItemView,
  RepointCandidateView,
  ReviewedVersionView,
  ApprovedChangesView,
  RevisionView,
  SyncProgress,
  SyncSettings,
} from './gitViews.js';
import { feedbackSources } from '../model/documentModel.js';
import {
  createReleaseArguments,
  importFeedbackArguments,
  releaseNotesArguments,
  releasePatchSchema,
  triageFeedbackArguments,
  type FeedbackImportView,
  type ReleaseNotesView,
} from './evidenceArguments.js';
import {
  addCommentArguments,
  addCommentEntryArguments,
  listCommentsArguments,
  type CommentThreadView,
} from './commentArguments.js';

/** One `[[…]]` target as written (`from`) and what to write instead (`to`), at the link's `[[`. */
export interface NameLinkEditView {
  path: string;
  line: number;
  column: number;
  from: string;
  to: string;
}

/**
 * A create, rename or move made a file name shared, and `[[name]]` links that led to `was` now lead
 * to `now` (or, `ambiguous`, to the shortest of several paths): `links` pins them where they led.
 */
export interface NamesakeView {
  name: string;
  notes: string[];
  now: string;
  ambiguous: boolean;
  was: string[];
  links: NameLinkEditView[];
  files: string[];
}

/**
 * The answer, before a rename or move, about the `[[Name]]` links it would take from a namesake:
 * `keep` them pointing where they did (written in path form, in the same save) or let them `move`.
 */
const namesakeChoiceArgument = z.enum(['keep', 'move']);

/** Every string argument is bounded, so a 10 MB "key" is refused at the boundary. */
const pathArgument = z.string().min(1).max(1024);
const keyArgument = z
  .string()
  .regex(/^[A-Z][A-Z0-9]*-[0-9]+$/)
  .max(64);
export { maxDocumentBytes };

export const fileVersionSchema = z.object({
  size: z.number().int().min(0),
  mtimeMs: z.number().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type FileVersion = z.infer<typeof fileVersionSchema>;

/** An expected failure, as a value. */
export interface Failure<E extends string = string> {
  ok: false;
  error: E;
  message: string;
}
export type Result<T, E extends string = string> = ({ ok: true } & T) | Failure<E>;

export interface WorkspaceInfo {
  name: string;
  /** The folder's own name, never its absolute path. */
  folderName: string;
  writable: boolean;
  /** Why a workspace opened for editing is read-only after all (another Specbench is editing it). */
  readOnlyReason?: string;
  /** Review comments can be written: when writable, and in a read-only `serve --comments`. */
  canComment?: boolean;
  settings: Settings;
  /** The workspace's own `templates/<type>.md`, as the editor weighs a document against them; built-ins otherwise. */
  templates: Partial<Record<TemplateType, TemplateOutlineView>>;
  /**
   * False while search and the quick switcher are still reading and folding every text after a start
   * (they answer, but slowly: the app says "Indexing…"); a change event with `searchReady` follows.
   */
  searchReady?: boolean;
  /** The workspace's folder inside its git repository (`docs`), where site-root links (`/docs/api.md`) start; absent at its root or outside git. */
  repositoryFolder?: string;
  /** `line` in an Obsidian vault without "Strict line breaks": a single newline in a paragraph shows as a line break; absent: as a space. */
  softBreaks?: SoftBreakStyle;
}

/** How a single newline inside a paragraph is shown: as a space (GitHub, CommonMark) or a line break (Obsidian). */
export type SoftBreakStyle = 'space' | 'line';

/** A template as the editor needs it: required sections, and its examples' fingerprints by section (`Template.examples`). */
export interface TemplateOutlineView {
  requiredSections: string[];
  examples: Record<string, string>;
}

export interface LinkView {
  from: string;
  to: string;
  /** `evidence`: a feedback note's `about`, read "is evidence for". */
  kind: 'delivers' | 'implements' | 'mentions' | 'answers' | 'evidence';
  path: string;
  line: number;
  /** A link by name that leads to no file (`missing`), or that several files answer to equally (`ambiguous`). */
  state?: 'missing' | 'ambiguous';
}

export interface SearchHit {
  path: string;
  key?: string;
  title: string;
  type: DocumentType;
  line: number;
  snippet: string;
  /** [start, end) offsets of the matched terms inside `snippet`. */
  highlights: [number, number][];
}

export interface QuickSwitchHit {
  path: string;
  key?: string;
  title: string;
  type: DocumentType | 'requirement' | 'roadmap';
}

export interface FindingView {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  path: string;
  line: number;
  message: string;
  key?: string;
}

/** A trace row over the contract: keys only, since the app already holds the items and documents. */
export interface TraceRowView {
  item: string;
  requirements: { key: string; stories: string[] }[];
}

interface Method<Input extends z.ZodType, Output> {
  input: Input;
  /**
   * Whether the method changes the workspace (refused by a read-only browser server); `comments`:
   * writes only review comments, which a read-only server accepts when started with `--comments`.
   */
  writes: boolean | 'comments';
  /** Whether the result carries expected failures as `{ ok: false }` values; clients return theirs the same way. */
  failuresAsValues: boolean;
  /** Type-only marker of the result; never read at run time. */
  output?: Output;
}

/** A result that can be a `Failure` value. */
type Fallible = { ok: true } | Failure;

/** Reads that always succeed (a transport failure is thrown to the view). */
function read<Output>() {
  return <Input extends z.ZodType>(input: Input): Method<Input, Output> => ({
    input,
    writes: false,
    failuresAsValues: false,
  });
}
/** Reads whose failures are values (a missing file, a cancelled export). */
function readResult<Output extends Fallible>() {
  return <Input extends z.ZodType>(input: Input): Method<Input, Output> => ({
    input,
    writes: false,
    failuresAsValues: true,
  });
}
function write<Output extends Fallible>() {
  return <Input extends z.ZodType>(input: Input): Method<Input, Output> => ({
    input,
    writes: true,
    failuresAsValues: true,
  });
}
function writeComment<Output extends Fallible>() {
  return <Input extends z.ZodType>(input: Input): Method<Input, Output> => ({
    input,
    writes: 'comments',
    failuresAsValues: true,
  });
}

/**
 * A roadmap patch names only the fields it changes. The item schema's defaults are removed here:
 * `.partial()` keeps them, so every patch used to reset description, rank and status.
 */
const { description, rank, status, quarter, theme, owner, rice, releaseNote, ...plainItemFields } =
  roadmapItemSchema.omit({
    key: true,
  }).shape;
/** JSON has no `undefined`: `null` in a patch removes an optional field. */
export const roadmapPatchSchema = z
  .object({
    ...plainItemFields,
    quarter: quarter.unwrap().nullable(),
    theme: theme.unwrap().nullable(),
    owner: owner.unwrap().nullable(),
    rice: rice.unwrap().nullable(),
    releaseNote: releaseNote.unwrap().nullable(),
    description: description.unwrap(),
    rank: rank.unwrap(),
    status: status.unwrap(),
  })
  .partial()
  .strict();

const documentTypeArgument = z.enum(['spec', 'story', 'faq', 'feedback']);

export const exportFormatNames = ['pdf', 'md', 'zip', 'html'] as const;
export const exportPartNames = ['stories', 'faqs', 'roadmap', 'matrix', 'comments'] as const;
const exportIdArgument = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
/** A tag, branch or commit as git names them; never an option (no leading dash). */
const revisionArgument = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[^\s-][^\s]*$/);
/** Every git method fails the same way where git is missing or the folder is in no repository. */
type GitResult<T, E extends string = string> = Result<T, E | GitUnavailable>;

/** The finished bundle, carried whole so browser mode needs no extra route; bundles are a few MB. */
export interface ExportedFile {
  fileName: string;
  mediaType: string;
  base64: string;
  bytes: number;
  /** What came out otherwise than asked (characters no embedded font has, no page numbers), one line each. */
  warnings?: string[];
}

/** How far a running export is: `step` is in words for people ("Printing pages — pass 2"). */
export interface ExportProgress {
  /** 0 to 1, never falling. */
  fraction: number;
  step: string;
}

/** Unsaved edits kept outside the workspace, offered back after a crash. */
export interface BackupView {
  path: string;
  text: string;
  /** The version on disk the edits started from: restoring saves against it, so a changed file conflicts. */
  base: FileVersion;
  /** Milliseconds since the epoch. */
  savedAt: number;
  disk: 'unchanged' | 'changed' | 'missing';
}
export interface BackupList {
  backups: BackupView[];
  /** Backup files that cannot be read, by file name, left in place. */
  unreadable: { file: string; message: string }[];
}

/** What the page adds to the desktop's right-click menu; the spelling and edit items are the main process's. */
export const pageActionIds = ['copy-key', 'insert-requirement'] as const;
export type PageActionId = (typeof pageActionIds)[number];
export interface PageAction {
  id: PageActionId;
  label: string;
  /** For copy-key: the text the main process puts on the clipboard. */
  text?: string;
}
/** The desktop asks the page what it offers for the element just right-clicked. */
export interface ContextMenuRequest {
  requestId: number;
}

export const apiContract = {
  getWorkspace: read<WorkspaceInfo>()(z.object({}).strict()),
  /** Summaries of every document, or of `paths` only (a path that is gone is left out). */
  listDocuments: read<DocumentSummary[]>()(
    z.object({ paths: z.array(pathArgument).max(10_000).optional() }).strict(),
  ),
  /** Everything the index knows of one document (sections, headings, references, requirement lines). */
  getDocumentEntry: readResult<Result<{ entry: DocumentEntry }>>()(z.object({ path: pathArgument }).strict()),
  readDocument: readResult<Result<{ text: string; version: FileVersion }>>()(
    z.object({ path: pathArgument }).strict(),
  ),
  /** Saves against the version it was read at; answers the saved document's summary, so views need not ask again. */
  saveDocument: write<
    Result<{ version: FileVersion; summary?: DocumentSummary }, string> & {
      current?: { text: string; version: FileVersion };
    }
  >()(
    z
      .object({ path: pathArgument, text: z.string().max(maxDocumentBytes), expected: fileVersionSchema })
      .strict(),
  ),
  /** A new document from its template; a feedback note's `source` picks its template. */
  createDocument: write<Result<{ path: string; key: string; namesake?: NamesakeView }>>()(
    z
      .object({
        type: documentTypeArgument,
        title: z.string().min(1).max(500),
        source: z.enum(feedbackSources).optional(),
      })
      .strict(),
  ),
  /** A new empty note, no front matter, named `<title>.md` in `folder` ('' is the workspace's root). */
  createNote: write<Result<{ path: string; namesake?: NamesakeView }>>()(
    z.object({ folder: z.string().max(1024), title: z.string().min(1).max(500) }).strict(),
  ),
  trashDocument: write<Result<{ trashedTo: string }>>()(z.object({ path: pathArgument }).strict()),
  /**
   * Renames a spec, story or FAQ after its saved title (links are by key, so none break); with `name`,
   * renames any document to `name.md` in its folder, and with `updateLinks` also rewrites every
   * `[[name]]` and `[text](name.md)` pointing to it (the linking files saved all or none). `namesake`
   * answers namesakePreview: `keep` pins the links it lists in path form in that same save; with it,
   * no `namesake` notice comes back. Answers its path; when it rewrote links, how many and `undo`, which
   * names the rename for undoMove (a rename is a move within its folder).
   */
  renameDocument: write<
    Result<{
      path: string;
      updatedFiles?: string[];
      namesake?: NamesakeView;
      updatedLinks?: number;
      undo?: string;
    }>
  >()(
    z
      .object({
        path: pathArgument,
        name: z.string().min(1).max(255).optional(),
        updateLinks: z.boolean().optional(),
        namesake: namesakeChoiceArgument.optional(),
      })
      .strict(),
  ),
  /** The documents linking to this one by its file name, which renaming it would update. */
  linksToName: read<{ path: string; count: number }[]>()(z.object({ path: pathArgument }).strict()),
  /**
   * The `[[Name]]` links that renaming this document to `name`, or moving it into `folder`, would take
   * from another note of that name (asked before the rename: keep them or let them move); nothing is
   * written. Answers no namesake when none would change meaning. For a move, `updates` counts the links
   * the move would rewrite (moveDocument) and the notes holding them.
   */
  namesakePreview: read<{ namesake?: NamesakeView; updates?: { links: number; notes: number } }>()(
    z.union([
      z.object({ path: pathArgument, name: z.string().min(1).max(255) }).strict(),
      z.object({ path: pathArgument, folder: z.string().max(1024) }).strict(),
    ]),
  ),
  /**
   * Moves a document into another folder under the same name; `namesake` answers namesakePreview, as
   * renameDocument's does. With `name` it takes that file name there, and a note already named so stops
   * it; without, a taken name gets `-2`, `-3`…. The links that would stop leading to it (path and
   * relative links, a bare name its new name needs) and its own relative links and images are rewritten
   * first, the files saved all or none: `updatedLinks` of them, in `updatedFiles` (under their paths
   * before the move, the document itself too when its own links changed).
   * `undo` names the move for undoMove.
   */
  moveDocument: write<
    Result<{
      path: string;
      namesake?: NamesakeView;
      updatedLinks?: number;
      updatedFiles?: string[];
      undo?: string;
    }>
  >()(
    z
      .object({
        path: pathArgument,
        folder: z.string().max(1024),
        namesake: namesakeChoiceArgument.optional(),
        name: z.string().max(255).optional(),
      })
      .strict(),
  ),
  /**
   * Undoes a move: every file it wrote back as it was and the document at its old path, all or none;
   * refused when any of them changed since (or the server no longer knows the move).
   */
  undoMove: write<Result<{ path: string; changedFiles: string[] }>>()(
    z.object({ undo: z.string().min(1).max(100) }).strict(),
  ),
  /**
   * Writes each `[[…]]` target at path/line/column from `from` to `to`, the files saved all or none: pins
   * the links a namesake took (createDocument, renameDocument and moveDocument answer them) in path
   * form. Answers the edits that Undo it.
   */
  rewriteNameLinks: write<Result<{ changedFiles: string[]; undo: NameLinkEditView[] }>>()(
    z
      .object({
        links: z
          .array(
            z
              .object({
                path: pathArgument,
                line: z.number().int().positive(),
                column: z.number().int().positive(),
                from: z.string().min(1).max(1024),
                to: z.string().min(1).max(1024),
              })
              .strict(),
          )
          .min(1)
          .max(10_000),
      })
      .strict(),
  ),
  /** Undoes trashDocument: puts `trashedTo` back at `path` (or `-2`… beside it); answers where. */
  restoreDocument: write<Result<{ path: string }>>()(
    z.object({ trashedTo: pathArgument, path: pathArgument }).strict(),
  ),
  /**
   * The Undo of a Delete is no longer offered: on the desktop the file moves on from `.specbench/trash/`
   * to the system trash (answers systemTrash: true); browser mode keeps it in `.specbench/trash/`.
   */
  releaseTrashed: write<Result<{ systemTrash: boolean }>>()(z.object({ trashedTo: pathArgument }).strict()),
  saveAsset: write<Result<{ path: string }>>()(
    z.object({ name: z.string().min(1).max(255), base64: z.string().max(maxDocumentBytes * 2) }).strict(),
  ),
  /** Links of a key (a requirement, a roadmap item), or of a document by path: by key and by name, with backlinks. */
  getLinks: read<{ outgoing: LinkView[]; incoming: LinkView[] }>()(
    z.union([z.object({ key: keyArgument }).strict(), z.object({ path: pathArgument }).strict()]),
  ),
  /** The workspace's files other than Markdown (images, PDFs…), for embeds and `[[` completion. */
  listOtherFiles: read<string[]>()(z.object({}).strict()),
  search: read<SearchHit[]>()(
    z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(500).optional() }).strict(),
  ),
  quickSwitch: read<QuickSwitchHit[]>()(
    z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(500).optional() }).strict(),
  ),
  check: read<FindingView[]>()(z.object({}).strict()),
  trace: read<TraceRowView[]>()(z.object({}).strict()),
  listRoadmap: read<RoadmapItem[]>()(z.object({}).strict()),
  /** Adds an item at the end of its lane under the next free key, or under `key` (Undo of a delete puts it back). */
  createRoadmapItem: write<Result<{ item: RoadmapItem }>>()(
    roadmapItemSchema.omit({ rank: true }).partial({ key: true, description: true, status: true }).strict(),
  ),
  updateRoadmapItem: write<Result<{ item: RoadmapItem }>>()(
    z.object({ key: keyArgument, patch: roadmapPatchSchema }).strict(),
  ),
  moveRoadmapItem: write<Result<{ items: RoadmapItem[] }>>()(
    z.object({ key: keyArgument, lane: z.enum(lanes), index: z.number().int().min(0).max(100_000) }).strict(),
  ),
  /**
   * Deletes a roadmap item, taking it out of the feedback notes that are its evidence (all or none);
   * refused while a requirement delivers it or a release ships it. `unlinked`: the notes changed.
   */
  removeRoadmapItem: write<Result<{ unlinked: string[] }>>()(z.object({ key: keyArgument }).strict()),
  listReleases: read<Release[]>()(z.object({}).strict()),
  createRelease: write<Result<{ release: Release }>>()(createReleaseArguments),
  updateRelease: write<Result<{ release: Release }>>()(
    z.object({ key: keyArgument, patch: releasePatchSchema }).strict(),
  ),
  removeRelease: write<Result<object>>()(z.object({ key: keyArgument }).strict()),
  /** A release's notes for customers or the team, as Markdown or one sanitised HTML page. */
  releaseNotes: readResult<Result<ReleaseNotesView>>()(releaseNotesArguments),
  /** Feedback notes from a CSV, all or none; with `dryRun`, what would be written (the preview). */
  importFeedback: write<Result<FeedbackImportView>>()(importFeedbackArguments),
  /** Links a feedback note to what it is evidence for (and marks it triaged), or archives it. */
  triageFeedback: write<Result<{ summary: DocumentSummary }>>()(triageFeedbackArguments),
  /**
   * Starts an export (its `exportId` chosen by the caller), or cancels the running one with that id.
   * A read: it writes nothing into the workspace, so a read-only `specbench serve` exports too.
   */
  exportBundle: readResult<Result<ExportedFile>>()(
    z.union([
      z
        .object({
          exportId: exportIdArgument,
          specs: z.union([z.literal('all'), z.array(keyArgument).max(10_000)]),
          /** Documents of any kind (a note, an RFC), by key or path, exported after the specs. */
          documents: z.array(pathArgument).max(10_000).optional(),
          format: z.enum(exportFormatNames),
          include: z.array(z.enum(exportPartNames)).max(exportPartNames.length),
        })
        .strict(),
      z.object({ cancel: exportIdArgument }).strict(),
    ]),
  ),
  /** The latest progress of a running export; 'unknown-export' once it has ended (or before it starts). */
  exportProgress: readResult<Result<ExportProgress, 'unknown-export'>>()(
    z.object({ exportId: exportIdArgument }).strict(),
  ),
  /** Keeps the unsaved text of a document outside the workspace (allowed in a read-only workspace too). */
  backupDocument: write<Result<{ savedAt: number }>>()(
    z
      .object({ path: pathArgument, text: z.string().max(maxDocumentBytes), base: fileVersionSchema })
      .strict(),
  ),
  /** Backups that differ from the disk (of one document, or all); unreadable backup files are named. */
  listBackups: readResult<Result<BackupList>>()(z.object({ path: pathArgument.optional() }).strict()),
  discardBackup: write<Result<object>>()(z.object({ path: pathArgument }).strict()),
  /** A document deleted or renamed outside Specbench, written back at its path from its backup. */
  recoverBackup: write<Result<{ path: string }>>()(z.object({ path: pathArgument }).strict()),
  /** Stamps a story with the fingerprints of the requirements it implements as they are now (`reviewed:`). */
  markReviewed: write<Result<{ stamps: Record<string, string> }>>()(
    z.object({ path: pathArgument }).strict(),
  ),
  /** Records an approval of a spec by the git user (user.name, user.email) and sets its status to approved. */
  approveDocument: write<Result<{ by: string; at: string }, string>>()(
    z.object({ path: pathArgument }).strict(),
  ),
  /** A document's review threads (`reviews/<KEY>.md`), oldest first. */
  listComments: read<{ threads: CommentThreadView[] }>()(listCommentsArguments),
  /** Every review thread of the workspace, resolved or not, by the document it is on (by key order). */
  listAllComments: read<{ documents: { document: string; threads: CommentThreadView[] }[] }>()(
    z.object({}).strict(),
  ),
  /** Unresolved threads per document key (documents without any left out). */
  commentCounts: read<Record<string, number>>()(z.object({}).strict()),
  /** The git user, offered as the comment author; absent where git has none. */
  commentAuthor: read<{ name?: string; email?: string }>()(z.object({}).strict()),
  /** Starts a thread on a requirement, a heading or quoted text. */
  addComment: writeComment<Result<{ thread: CommentThreadView }>>()(addCommentArguments),
  /** Appends a reply, a resolve or a reopen to a thread. */
  addCommentEntry: writeComment<Result<{ thread: CommentThreadView }>>()(addCommentEntryArguments),
  /** Branch, upstream, remotes, a stopped merge or rebase, and the workspace's changed files. */
  gitStatus: readResult<GitResult<{ status: GitStatusView }>>()(z.object({}).strict()),
  /** One changed file's blocks that differ from the last commit. */
  gitFileDiff: readResult<GitResult<{ diff: FileDiffView }>>()(z.object({ path: pathArgument }).strict()),
  /** Commits the chosen workspace files (each one gitStatus listed) with a message. */
  gitCommit: write<GitResult<{ commit: string; files: number }>>()(
    z
      .object({
        paths: z.array(pathArgument).min(1).max(100_000),
        message: z.string().min(1).max(10_000),
      })
      .strict(),
  ),
  /**
   * Pulls (merging, or rebasing where the clone's pull.rebase says so); stops at conflicts for the
   * resolver. `renumbered`: roadmap entries of ours the merge moved to a new key (the remote had the key first).
   */
  gitPull: write<
    GitResult<{
      outcome: PullOutcome;
      conflicts: string[];
      message: string;
      renumbered: RenumberedItemView[];
    }>
  >()(z.object({ operationId: exportIdArgument }).strict()),
  /** Pushes the branch (publishing it when the remote lacks it); never forced. */
  gitPush: write<GitResult<{ message: string }>>()(z.object({ operationId: exportIdArgument }).strict()),
  /** The latest progress of a running pull or push. */
  gitProgress: readResult<Result<SyncProgress, 'unknown-operation'>>()(
    z.object({ operationId: exportIdArgument }).strict(),
  ),
  /** A conflicted file merged again block by block from git's stages, for the resolver. */
  gitConflict: readResult<GitResult<{ conflict: ConflictView }>>()(z.object({ path: pathArgument }).strict()),
  /** Writes a conflicted file as chosen, one choice per conflicting block, and marks it resolved. */
  /** `renamed`: Keep both on a requirement both sides wrote gave the arriving copy a new key. */
  gitResolve: write<GitResult<{ remaining: number; renamed?: KeptBoth[] }>>()(
    z
      .object({
        path: pathArgument,
        choices: z
          .array(
            z.union([
              z.enum(['mine', 'theirs', 'both']),
              z.object({ text: z.string().max(maxDocumentBytes) }).strict(),
            ]),
          )
          // None when git stopped on a file that merges cleanly block by block: saving keeps that merge.
          .max(100_000),
        /** The view's `onDisk`: the file is not written when it changed since (error `changed`). */
        onDisk: z.string().max(64).optional(),
      })
      .strict(),
  ),
  /**
   * A duplicate key (two branches both created REQ-13): when it reached each of `paths`, or with `lines`
   * (one path defining it twice) when each line was written (git blame), and whether that commit is on a
   * remote already. `newest` / `newestLine` is the one copy to give a new key: one not pushed yet before a
   * published one, else the one committed later (uncommitted counts as newest).
   */
  keyArrivals: readResult<GitResult<{ arrivals: KeyArrivalView[]; newest?: string; newestLine?: number }>>()(
    z
      .object({
        key: keyArgument,
        paths: z.array(pathArgument).min(1).max(50),
        lines: z.array(z.number().int().positive()).min(2).max(50).optional(),
      })
      .strict(),
  ),
  /** Gives `path`'s definition of a duplicate `key` the key `newKey`; links to `key` keep meaning the other. */
  rekeyDefinition: write<Result<{ changedFiles: string[] }>>()(
    z
      .object({
        key: keyArgument,
        newKey: keyArgument,
        path: pathArgument,
        /** The definition's line, when the file defines the key more than once. */
        line: z.number().int().positive().optional(),
      })
      .strict(),
  ),
  /**
   * After `rekeyDefinition` gave the newer copy of a duplicate `key` the key `newKey` (in `path`): the
   * links to `key` that were written on that copy's side of the merge, found with git blame.
   */
  rekeyReferences: readResult<GitResult<{ references: RepointCandidateView[] }>>()(
    z.object({ key: keyArgument, newKey: keyArgument, path: pathArgument }).strict(),
  ),
  /**
   * The copies of duplicated keys renamed after a merge whose links (found with git blame when renamed)
   * still point at the old key, each at its line now; records with none left are dropped. `pushed`: the
   * remote already has the rename (a teammate's, or this clone's pushed), so Push need not stop for it.
   */
  pendingRekeys: readResult<Result<{ rekeys: (RekeyRecord & { pushed: boolean })[] }>>()(
    z.object({}).strict(),
  ),
  /** The user keeps the old key for the links still listed under this rename: they are no longer offered. */
  dismissRekey: write<Result<{ dismissed: boolean }>>()(
    z.object({ key: keyArgument, newKey: keyArgument }).strict(),
  ),
  /** Points the links to `key` on the given lines to `newKey`, in all files or none (one reference, or all). */
  repointReferences: write<Result<{ changedFiles: string[] }>>()(
    z
      .object({
        key: keyArgument,
        newKey: keyArgument,
        references: z
          .array(z.object({ path: pathArgument, line: z.number().int().positive() }).strict())
          .min(1)
          .max(10_000),
      })
      .strict(),
  ),
  /**
   * Commits the merge (or continues the rebase) once nothing is conflicted. Workspace files changed
   * and not staged come back as `leftOver` (nothing committed) until `include` names those to commit
   * with it (`[]`: leave them all as changes).
   */
  gitFinish: write<GitResult<{ done: boolean; conflicts: string[]; message: string; leftOver?: string[] }>>()(
    z
      .object({
        include: z.array(pathArgument).max(10_000).optional(),
        /** A merge's commit message as the user left it (git's own, without comment lines, when absent). */
        message: z.string().max(100_000).optional(),
      })
      .strict(),
  ),
  /** Undoes a stopped merge or rebase (the UI asks first: resolutions so far are lost). */
  gitAbort: write<GitResult<{ message: string }>>()(z.object({}).strict()),
  /** Sets user.name and user.email in this repository's own git config. */
  gitSetIdentity: write<GitResult<object>>()(
    z.object({ name: z.string().trim().min(1).max(200), email: z.string().trim().min(3).max(320) }).strict(),
  ),
  /** Pull on open and commit-and-push every N minutes, for this clone only (its git config). */
  gitSetSyncSettings: write<GitResult<{ settings: SyncSettings }>>()(
    z
      .object({
        pullOnOpen: z.boolean().optional(),
        syncMinutes: z
          .number()
          .int()
          .min(0)
          .max(24 * 60)
          .optional(),
      })
      .strict(),
  ),
  /** The commits that changed one requirement, roadmap item or document (by key, or a file by path). */
  itemHistory: readResult<GitResult<{ changes: ItemChangeView[] }>>()(
    z.union([z.object({ key: keyArgument }).strict(), z.object({ path: pathArgument }).strict()]),
  ),
  /** Tags, branches and recent commits to compare with. */
  listRevisions: readResult<GitResult<{ revisions: RevisionView[] }>>()(z.object({}).strict()),
  /** What changed between two baselines (`to` left out: the working copy). */
  compareRevisions: readResult<GitResult<{ report: ChangeReportView }>>()(
    z.object({ from: revisionArgument, to: revisionArgument.optional() }).strict(),
  ),
  /** For a story: each suspect requirement's text when it was reviewed (from git history), diffed with now. */
  reviewedVersions: readResult<Result<{ versions: ReviewedVersionView[] }>>()(
    z.object({ path: pathArgument }).strict(),
  ),
  /** For a spec changed since its approval: its requirements' changes against the approved version. */
  approvedChanges: readResult<Result<{ changes?: ApprovedChangesView }>>()(
    z.object({ path: pathArgument }).strict(),
  ),
  /**
   * The page's answer to onDidRequestContextMenu: the desktop shows its menu with these actions and
   * answers which one was chosen. Browser mode has the browser's own menu ('desktop-only').
   */
  showContextMenu: readResult<Result<{ chosen: PageActionId | null }, 'no-menu' | 'desktop-only'>>()(
    z
      .object({
        requestId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
        actions: z
          .array(
            z
              .object({
                id: z.enum(pageActionIds),
                label: z.string().min(1).max(120),
                text: z.string().min(1).max(200).optional(),
              })
              .strict(),
          )
          .max(8),
      })
      .strict(),
  ),
} as const;

export type ApiContract = typeof apiContract;
export type MethodName = keyof ApiContract;
export type MethodInput<M extends MethodName> = z.infer<ApiContract[M]['input']>;
export type MethodOutput<M extends MethodName> = NonNullable<ApiContract[M]['output']>;

/** The API as the renderer sees it: one async function per method, plus the events. */
export type SpecbenchApi = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> } & {
  onDidChangeWorkspace(listener: (event: WorkspaceChangeEvent) => void): () => void;
  /** Desktop only: the window was right-clicked; answer with showContextMenu. Never fires in a browser. */
  onDidRequestContextMenu(listener: (request: ContextMenuRequest) => void): () => void;
};

/** The events every client has beside the methods. */
export const eventNames = ['onDidChangeWorkspace', 'onDidRequestContextMenu'] as const;

export interface WorkspaceChangeEvent {
  /** Workspace-relative paths of documents that changed on disk (not by our own saves). */
  paths: string[];
  roadmap: boolean;
  /** Keys of the documents whose review comments changed. */
  comments?: string[];
  /** Search and the quick switcher have become ready (`WorkspaceInfo.searchReady`); nothing else changed. */
  searchReady?: true;
  /** The change is a write from another page of this Specbench (browser mode), not an outside edit. */
  fromOtherWindow?: true;
}

export const methodNames = Object.keys(apiContract) as MethodName[];

/** IPC channel names are generated from the method names under one prefix, never typed by hand. */
export const channelPrefix = 'specbench:';
export function channelFor(method: MethodName): string {
  return `${channelPrefix}${method}`;
}
export const changeEventChannel = `${channelPrefix}event:didChangeWorkspace`;
export const contextMenuEventChannel = `${channelPrefix}event:didRequestContextMenu`;

/** Validates an inbound call; the only way arguments reach a service. */
export function parseCall(
  method: string,
  input: unknown,
): { ok: true; method: MethodName; input: unknown } | Failure<'unknown-method' | 'invalid-arguments'> {
  if (!Object.prototype.hasOwnProperty.call(apiContract, method)) {
    return { ok: false, error: 'unknown-method', message: `Unknown method "${method.slice(0, 64)}".` };
  }
  const name = method as MethodName;
  const parsed = apiContract[name].input.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    return {
      ok: false,
      error: 'invalid-arguments',
      message: `Invalid arguments for ${name}${where}: ${issue?.message ?? 'rejected'}.`,
    };
  }
  return { ok: true, method: name, input: parsed.data };
}
