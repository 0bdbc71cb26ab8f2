/**
 * What changed in a workspace between two baselines (tags, branches, commits, or the working tree):
 * requirements added, removed and changed (text diff and fields), roadmap items changed, stories
 * whose status moved, documents added and removed, and specs (any other document) whose own status
 * moved or whose sign-off (`approvals:`) changed.
 */
import { itemDiff } from '../../shared/merge/itemDiff.js';
import {
  readableFields,
  readableRequirement,
  type ReadableChange,
} from '../../shared/merge/readableChange.js';
import { pairRekeyed } from '../../shared/merge/rekeyedRequirement.js';
import type { Approval } from '../../shared/model/signOff.js';
import {
  itemsByKey,
  type DocumentItem,
  type RequirementItem,
  type RoadmapEntry,
  type WorkspaceItem,
} from './workspaceItems.js';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface RequirementChange {
  key: string;
  /** The key it had before, when it was given a new key (same text, new key). */
  from?: string;
  path: string;
  document?: string;
  fields: FieldChange[];
  /** Diff of its text (the lines between the fences); empty when only fields changed. */
  diff: string[];
  /** Its fields, text by words and criteria, as a PM reads them. */
  readable: ReadableChange;
}

/** A spec (or other document, not a story) whose own status moved or whose sign-off changed. */
export interface DocumentChange {
  key: string;
  path: string;
  title?: string;
  /** Its status before and after, when it moved (draft → review → approved). */
  status?: { from?: string; to?: string };
  /** Approvals recorded since, and approvals no longer there (withdrawn, or replaced by a new one). */
  approvals: { added: Approval[]; removed: Approval[] };
}

export interface ChangeReport {
  from: string;
  to: string;
  requirements: {
    /** Each with its fields, text and criteria as a PM reads them. */
    added: (RequirementItem & { readable: ReadableChange })[];
    removed: RequirementItem[];
    changed: RequirementChange[];
  };
  roadmap: {
    added: RoadmapEntry[];
    removed: RoadmapEntry[];
    changed: { key: string; title: string; fields: FieldChange[]; readable: ReadableChange }[];
  };
  stories: { key: string; title?: string; from?: string; to?: string }[];
  documents: { added: DocumentItem[]; removed: DocumentItem[]; changed: DocumentChange[] };
}

function ofKind<K extends WorkspaceItem['kind']>(items: Map<string, WorkspaceItem>, kind: K) {
  return new Map([...items].filter(([, item]) => item.kind === kind)) as Map<
    string,
    Extract<WorkspaceItem, { kind: K }>
  >;
}

function fieldChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  names: string[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of names) {
    const from = before[field];
    const to = after[field];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
  }
  return changes;
}

const byKey = <T extends { key: string }>(a: T, b: T) => a.key.localeCompare(b.key, 'en', { numeric: true });

const sameApproval = (one: Approval, other: Approval) =>
  one.by === other.by && one.at === other.at && one.fingerprint === other.fingerprint;

/** A document's own status and sign-off between two versions; undefined when neither changed. */
function documentChange(previous: DocumentItem, item: DocumentItem): DocumentChange | undefined {
  const [before, after] = [previous.approvals ?? [], item.approvals ?? []];
  const approvals = {
    added: after.filter((approval) => !before.some((old) => sameApproval(old, approval))),
    removed: before.filter((approval) => !after.some((now) => sameApproval(now, approval))),
  };
  const moved = previous.status !== item.status && item.type !== 'story';
  if (!moved && approvals.added.length === 0 && approvals.removed.length === 0) return undefined;
  const change: DocumentChange = { key: item.key, path: item.path, approvals };
  if (item.title !== undefined) change.title = item.title;
  if (moved) {
    change.status = {};
    if (previous.status !== undefined) change.status.from = previous.status;
    if (item.status !== undefined) change.status.to = item.status;
  }
  return change;
}

export function changeReport(
  from: string,
  to: string,
  before: Map<string, string>,
  after: Map<string, string>,
): ChangeReport {
  const old = itemsByKey(before);
  const now = itemsByKey(after);
  const report: ChangeReport = {
    from,
    to,
    requirements: { added: [], removed: [], changed: [] },
    roadmap: { added: [], removed: [], changed: [] },
    stories: [],
    documents: { added: [], removed: [], changed: [] },
  };
  const [oldRequirements, newRequirements] = [ofKind(old, 'requirement'), ofKind(now, 'requirement')];
  const requirementChange = (previous: RequirementItem, item: RequirementItem) => {
    const fields = fieldChanges({ ...previous, spec: previous.document }, { ...item, spec: item.document }, [
      'priority',
      'status',
      'roadmap',
      'spec',
      'path',
    ]);
    const diff = previous.body === item.body ? [] : itemDiff(previous.body, item.body);
    if (fields.length === 0 && diff.length === 0 && previous.key === item.key) return;
    const readable = readableRequirement(previous.text, item.text);
    const change: RequirementChange = { key: item.key, path: item.path, fields, diff, readable };
    if (previous.key !== item.key) change.from = previous.key;
    if (item.document) change.document = item.document;
    report.requirements.changed.push(change);
  };
  const added: RequirementItem[] = [];
  for (const [key, item] of newRequirements) {
    const previous = oldRequirements.get(key);
    if (previous) requirementChange(previous, item);
    else added.push(item);
  }
  const removed = [...oldRequirements].filter(([key]) => !newRequirements.has(key)).map(([, item]) => item);
  // A requirement under a new key with the same text is one change ("REQ-16 → REQ-18"), not two.
  const rekeyed = pairRekeyed(removed, added, (item) => item.text);
  for (const pair of rekeyed.pairs) requirementChange(pair.before, pair.after);
  report.requirements.added = rekeyed.added.map((item) => ({
    ...item,
    readable: readableRequirement('', item.text),
  }));
  report.requirements.removed = rekeyed.removed;
  const [oldRoadmap, newRoadmap] = [ofKind(old, 'roadmap'), ofKind(now, 'roadmap')];
  for (const [key, item] of newRoadmap) {
    const previous = oldRoadmap.get(key);
    if (!previous) report.roadmap.added.push(item);
    else {
      const names = [...new Set([...Object.keys(previous.fields), ...Object.keys(item.fields)])].filter(
        (name) => name !== 'key',
      );
      const fields = fieldChanges(previous.fields, item.fields, names);
      if (fields.length > 0)
        report.roadmap.changed.push({
          key,
          title: String(item.fields.title ?? ''),
          fields,
          readable: readableFields(previous.fields, item.fields),
        });
    }
  }
  for (const [key, item] of oldRoadmap) if (!newRoadmap.has(key)) report.roadmap.removed.push(item);
  const [oldDocuments, newDocuments] = [ofKind(old, 'document'), ofKind(now, 'document')];
  for (const [key, item] of newDocuments) {
    const previous = oldDocuments.get(key);
    if (!previous) report.documents.added.push(item);
    else if (item.type === 'story' && previous.status !== item.status) {
      report.stories.push({ key, title: item.title, from: previous.status, to: item.status });
    } else {
      const change = documentChange(previous, item);
      if (change) report.documents.changed.push(change);
    }
  }
  for (const [key, item] of oldDocuments) if (!newDocuments.has(key)) report.documents.removed.push(item);
  for (const list of [
    report.requirements.added,
    report.requirements.removed,
    report.requirements.changed,
    report.roadmap.added,
    report.roadmap.removed,
    report.roadmap.changed,
    report.stories,
    report.documents.added,
    report.documents.removed,
    report.documents.changed,
  ]) {
    (list as { key: string }[]).sort(byKey);
  }
  return report;
}

export function isEmptyReport(report: ChangeReport): boolean {
  const { requirements, roadmap, stories, documents } = report;
  return [
    requirements.added,
    requirements.removed,
    requirements.changed,
    roadmap.added,
    roadmap.removed,
    roadmap.changed,
    stories,
    documents.added,
    documents.removed,
    documents.changed,
  ].every((list) => list.length === 0);
}
