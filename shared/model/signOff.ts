/**
 * The sign-off fields in front matter: a story's `reviewed: {REQ-12: 3f2a9c1e}` (the text of each
 * requirement it was written against) and a spec's `approvals:` (who approved which fingerprint of
 * its requirements, and when). Read leniently: a malformed entry is ignored, never a crash.
 */
import { specFingerprint } from './fingerprint.js';
import type { DocumentEntry, RequirementEntry } from './documentModel.js';

export interface Approval {
  by: string;
  email?: string;
  /** ISO 8601 date and time. */
  at: string;
  fingerprint: string;
}

/** The `reviewed:` stamps of a story, by requirement key. */
export function reviewStamps(fields: Record<string, unknown>): Map<string, string> {
  const stamps = new Map<string, string>();
  const value = fields.reviewed;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return stamps;
  for (const [key, stamp] of Object.entries(value as Record<string, unknown>)) {
    if (typeof stamp === 'string' || typeof stamp === 'number') stamps.set(key, String(stamp));
  }
  return stamps;
}

export function approvalsOf(fields: Record<string, unknown>): Approval[] {
  const value = fields.approvals;
  if (!Array.isArray(value)) return [];
  const approvals: Approval[] = [];
  for (const entry of value as unknown[]) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) continue;
    const { by, email, at, fingerprint } = entry as Record<string, unknown>;
    if (typeof by !== 'string' || typeof fingerprint !== 'string') continue;
    const approval: Approval = { by, at: typeof at === 'string' ? at : '', fingerprint };
    if (typeof email === 'string') approval.email = email;
    approvals.push(approval);
  }
  return approvals;
}

export interface SuspectLink {
  story: string;
  requirement: string;
  /** The fingerprint the story was reviewed against, and the requirement's now. */
  reviewed: string;
  current: string;
}

/** The requirements a story implements whose text changed since the story was reviewed against them. */
export function suspectLinks(
  story: Pick<DocumentEntry, 'key' | 'path' | 'implements' | 'fields'>,
  requirementOf: (key: string) => Pick<RequirementEntry, 'fingerprint'> | undefined,
): SuspectLink[] {
  const stamps = reviewStamps(story.fields);
  const suspects: SuspectLink[] = [];
  for (const key of story.implements) {
    const reviewed = stamps.get(key);
    const current = requirementOf(key)?.fingerprint;
    if (reviewed === undefined || current === undefined || reviewed === current) continue;
    suspects.push({ story: story.key ?? story.path, requirement: key, reviewed, current });
  }
  return suspects;
}

/** The stamps that mark a story reviewed against its requirements as they are now. */
export function currentStamps(
  story: Pick<DocumentEntry, 'implements'>,
  requirementOf: (key: string) => RequirementEntry | undefined,
): Record<string, string> {
  const stamps: Record<string, string> = {};
  for (const key of story.implements) {
    const fingerprint = requirementOf(key)?.fingerprint;
    if (fingerprint !== undefined) stamps[key] = fingerprint;
  }
  return stamps;
}

export function documentFingerprint(document: Pick<DocumentEntry, 'requirements'>): string {
  return specFingerprint(
    document.requirements.map((requirement) => ({
      key: requirement.key,
      priority: requirement.priority,
      fingerprint: requirement.fingerprint ?? '',
    })),
  );
}

/** The latest approval, and whether the spec's requirements changed since it. */
export function approvalState(
  document: Pick<DocumentEntry, 'requirements' | 'fields'>,
): { latest: Approval; changedSince: boolean } | undefined {
  const approvals = approvalsOf(document.fields);
  const latest = approvals[approvals.length - 1];
  if (!latest) return undefined;
  return { latest, changedSince: latest.fingerprint !== documentFingerprint(document) };
}
