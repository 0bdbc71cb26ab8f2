/**
 * What the app shows of the workspace's git repository, as it crosses the contract: workspace-relative
 * paths only, git's words put into plain ones on the Node side.
 */
import type { RekeyedReference } from '../model/rekeyRecord.js';
import type { ReadableChange } from '../merge/readableChange.js';

export type FileChangeKind = 'modified' | 'added' | 'deleted' | 'renamed' | 'conflicted';

export interface GitFileChange {
  /** Workspace-relative, forward slashes. */
  path: string;
  previousPath?: string;
  change: FileChangeKind;
}

/** When a key reached one file that defines it: its first commit there, or none while not committed. */
export interface KeyArrivalView {
  path: string;
  /** The definition's line, when one file defines the key more than once. */
  line?: number;
  /** ISO date of the commit that brought the key into this file (author date). */
  committedAt?: string;
  author?: string;
  /** The remote-tracking branch ("origin/main") that already holds that commit: teammates may link to it. */
  published?: string;
}

/** A link to a duplicate key written on the newer copy's side of the merge, so meant for that copy. */
export type RepointCandidateView = RekeyedReference;

/** Keep both on one requirement key: the copy already on the branch kept it, the arriving one got `to`. */
export interface KeptBoth {
  from: string;
  to: string;
  keptTitle: string;
  renamedTitle: string;
  /** The resolver's names for the two sides ("Yours", "Theirs (origin/main)"). */
  keptLabel: string;
  renamedLabel: string;
  /** The remote branch that already held each copy: the one there keeps the key. */
  keptPublished?: string;
  renamedPublished?: string;
  /** Links to `from` that arrived with the renamed copy, so most likely mean it. */
  references: RepointCandidateView[];
}

/** A merge, rebase, cherry-pick or revert that stopped and waits for the user. */
export type GitOperation = 'merge' | 'rebase' | 'cherry-pick' | 'revert';

/** Per clone, in the repository's own git config (`specbench.*`), never shared through specbench.json. */
export interface SyncSettings {
  pullOnOpen: boolean;
  /** Commit and push every so many minutes; 0 is off. */
  syncMinutes: number;
}

export interface GitStatusView {
  /** The branch checked out; undefined when HEAD is detached (during a rebase, say). */
  branch?: string;
  /** The branch a stopped rebase is rebasing. */
  rebasing?: string;
  /** The remote branch that stopped rebase replays it onto (`origin/main`), when the branch tracks one. */
  rebasingOnto?: string;
  /** The branch a stopped merge is merging in (`origin/main`), when a branch names its commit. */
  mergingWith?: string;
  /** The remote branch this one tracks (`origin/main`), when the remote has it. */
  upstream?: string;
  /** The remote branch this one is set to track but the remote does not have yet (an empty remote before the first push). */
  missingUpstream?: string;
  ahead: number;
  behind: number;
  remotes: string[];
  /** Whether the branch has a first commit yet. */
  hasCommits: boolean;
  operation?: GitOperation;
  /**
   * A stopped merge's commit message as Finish merge commits it: git's without its comment lines, with
   * the lines naming keys the merge changed (Keep both, the driver's renumbering).
   */
  mergeMessage?: string;
  /** Those lines alone: Finish keeps them in a message the user edited, and the panel shows them there. */
  mergeLines?: string[];
  /** The workspace's changed, new, deleted and conflicted files, by path. */
  files: GitFileChange[];
  /** Changes in the repository outside the workspace folder (never committed from here). */
  outside: number;
  /** Who commits: git's user.name and user.email, when set. */
  user?: { name: string; email?: string };
  settings: SyncSettings;
}

export type GitUnavailable = 'no-git' | 'not-a-repository';

/** One block of a file that differs from the last commit, with the lines that changed in it. */
export interface BlockChangeView {
  /** What the block is, in a PM's words: `REQ-2`, `front matter: status`, `heading "Problem"`, `RM-4`. */
  what: string;
  change: 'added' | 'removed' | 'changed' | 'moved';
  /** Unified diff lines of the block: `@@ … @@`, then `-`, `+` and ` ` lines. */
  diff: string[];
  /** The same change as a PM reads it (fields, words, criteria), when the block is one Specbench knows. */
  readable?: ReadableChange;
  /** An added requirement that is a copy given a new key (Keep both, Give the newer one a new key): its old key. */
  previousKey?: string;
}

export interface FileDiffView {
  path: string;
  change: FileChangeKind;
  blocks: BlockChangeView[];
  /** Why a file is shown as a whole rather than block by block (not text, too large). */
  note?: string;
}

export interface SyncProgress {
  /** In words: "Receiving objects 45%". */
  step: string;
  /** 0 to 1 when git reports a percentage. */
  fraction?: number;
}

/** A roadmap item (or release) of ours a merge moved to a new key: the remote had added one under it first. */
export interface RenumberedItemView {
  list: 'items' | 'releases';
  from: string;
  to: string;
  title: string;
  /** Who added the entry that kept the key, when git says. */
  by?: string;
}

export type PullOutcome = 'up-to-date' | 'fast-forward' | 'merged' | 'rebased' | 'conflicts';

/** A conflicted file taken apart for the resolver: text both sides agree on, and each block both changed. */
export type ResolverPart =
  | { kind: 'clean'; text: string }
  | {
      kind: 'conflict';
      what: string;
      mine: string;
      theirs: string;
      base: string;
      /** `mine` is the text in the file, edited there after git merged it, not git's. */
      mineEdited?: true;
    };

export interface ConflictView {
  path: string;
  operation?: GitOperation;
  /** Whose "mine" and "theirs" are, in words ("your main", "origin/main"). */
  mineLabel: string;
  theirsLabel: string;
  parts: ResolverPart[];
  /** A file one side deleted and the other changed: the choice is the whole file. */
  deletedBy?: 'mine' | 'theirs';
  /** A side that is not text: the choice is the whole file, shown by size only. */
  binary?: boolean;
  /** Why the file was merged line by line rather than block by block. */
  fallback?: string;
  /** The file on disk when shown (a fingerprint): Save refuses if it changed since, an edit outside the app kept. */
  onDisk?: string;
  /**
   * The file was edited after git merged it: `shown` when that text is "yours" in the blocks
   * (`mineEdited`), `replaced` when it cannot be read back, so saving here replaces the edit.
   */
  editedOutside?: 'shown' | 'replaced';
  /**
   * Keep both on a requirement both sides wrote under one key: which side's copy gets a new key (not
   * the one already on the remote; else the one committed later), the remote branch that already holds
   * it (teammates may link to it) or the kept one, and the free keys per prefix in the order Keep both
   * hands them out.
   */
  keepBoth?: {
    renamed: 'mine' | 'theirs';
    published?: string;
    keptPublished?: string;
    freeKeys: Record<string, string[]>;
  };
}

/** A side, both sides, or the block as the user edited it. */
export type ConflictChoice = 'mine' | 'theirs' | 'both' | { text: string };

/**
 * A key a change gave an item: `kept-both` by Keep both in the resolver (a merge, or a rebase's
 * replayed commit); `renumbered` because the key was taken: the merge driver renumbering a roadmap item
 * both sides added, or one copy of a duplicate key given a new one (Give the newer one a new key).
 */
export interface KeyGiven {
  how: 'kept-both' | 'renumbered';
  to: string;
}

export interface ItemChangeView {
  /** Undefined for changes not committed yet. */
  commit?: string;
  author: string;
  email: string;
  /** ISO 8601; empty for changes not committed yet. */
  date: string;
  message: string;
  change: 'added' | 'changed' | 'moved' | 'removed';
  path: string;
  previousPath?: string;
  /** The key the item had before this change, when this change gave it its key. */
  previousKey?: string;
  /** Made in a merge commit (a conflict resolved, a key given there): the diff is against its first parent. */
  merge?: true;
  /** How this change gave the item its key `to` (was `previousKey`), when it says so; absent for a key changed by hand. */
  keyGiven?: KeyGiven;
  diff: string[];
  /** The change as a PM reads it: one block for a requirement or roadmap item, each changed block for a document. */
  blocks?: BlockChangeView[];
}

export interface RevisionView {
  /** What to pass back: a tag or branch name, or a commit hash. */
  name: string;
  kind: 'tag' | 'branch' | 'commit';
  /** The commit's subject and date, for commits and tags. */
  subject?: string;
  date?: string;
}

/** The change report between two baselines, as `specbench diff --json` prints it. */
export interface ChangeReportView {
  from: string;
  to: string;
  requirements: {
    /** Each with its fields, text and criteria in words. */
    added: { key: string; path: string; body: string; document?: string; readable?: ReadableChange }[];
    removed: { key: string; path: string; body: string; document?: string }[];
    changed: {
      key: string;
      /** Its key before, when it was given a new key with the same text. */
      from?: string;
      path: string;
      document?: string;
      fields: FieldChangeView[];
      diff: string[];
      readable?: ReadableChange;
    }[];
  };
  roadmap: {
    added: { key: string; fields: Record<string, unknown> }[];
    removed: { key: string; fields: Record<string, unknown> }[];
    changed: { key: string; title: string; fields: FieldChangeView[]; readable?: ReadableChange }[];
  };
  stories: { key: string; title?: string; from?: string; to?: string }[];
  documents: {
    added: { key: string; path: string; title?: string }[];
    removed: { key: string; path: string; title?: string }[];
    /** Documents (not stories) whose own status moved or whose sign-off (`approvals:`) changed. */
    changed?: {
      key: string;
      path: string;
      title?: string;
      status?: { from?: string; to?: string };
      approvals: { added: ApprovalView[]; removed: ApprovalView[] };
    }[];
  };
}

export interface ApprovalView {
  by: string;
  email?: string;
  at: string;
  fingerprint: string;
}

export interface FieldChangeView {
  field: string;
  from: unknown;
  to: unknown;
}

/** What a story's requirement said when the story was reviewed, found in git history by its fingerprint. */
/** A spec whose requirements changed since its latest approval: which, and how, against the approved version. */
export interface ApprovedChangesView {
  /** The spec fingerprint the approval recorded. */
  fingerprint: string;
  /** The newest commit whose requirements have that fingerprint: the approved version. */
  found?: { commit: string; date: string; author: string };
  /** The latest approval itself: who approved, and when. */
  approval: { by: string; at: string };
  /** Against that version: requirements added, removed and changed (reworded, new fields, new key). */
  requirements?: ChangeReportView['requirements'];
  /** Why only the fingerprint is known (no git, or no commit holds the approved requirements). */
  note?: string;
}

export interface ReviewedVersionView {
  key: string;
  reviewed: string;
  current: string;
  /** Undefined when no commit holds the text the stamp names (or there is no git). */
  found?: {
    commit: string;
    date: string;
    author: string;
    diff: string[];
    readable?: ReadableChange;
    /** Who changed it since (the commits after that one), newest first, each author once with their latest date. */
    changedBy: { author: string; date: string }[];
  };
  /** Why only the stamp can be shown. */
  note?: string;
}
