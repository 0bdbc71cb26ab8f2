/**
 * Changes to the releases in `roadmap.json`, as functions over the file's data: the store runs them
 * inside its batched, rolled-back-on-failure writes. Every release's items must be roadmap items.
 */
import type { z } from 'zod';
import type { Failure, Result } from '../../shared/contract/apiContract.js';
import { nextKey } from '../../shared/model/keys.js';
import { releaseSchema, type Release, type RoadmapFile } from '../../shared/model/roadmapModel.js';
import { schemaIssueMessage } from './jsonProblem.js';

export type ReleaseInput = Omit<z.input<typeof releaseSchema>, 'key'>;
/** Fields to change; `undefined` clears an optional one. */
export type ReleasePatch = Partial<Omit<Release, 'key'>>;
type ReleaseError = 'not-found' | 'invalid' | 'duplicate-key';

const storedReleaseSchema = releaseSchema.loose();

export function createRelease(
  data: RoadmapFile,
  input: ReleaseInput,
  prefix: string,
): Result<{ release: Release }, ReleaseError> {
  const key = nextKey(prefix, [
    ...data.releases.map((release) => release.key),
    ...data.items.map((item) => item.key),
  ]);
  const parsed = storedReleaseSchema.safeParse({ ...input, key });
  if (!parsed.success) return invalid(key, parsed.error);
  const problem = itemsProblem(data, parsed.data);
  if (problem) return problem;
  data.releases.push(parsed.data);
  return { ok: true, release: parsed.data };
}

export function updateRelease(
  data: RoadmapFile,
  key: string,
  patch: ReleasePatch,
): Result<{ release: Release }, ReleaseError> {
  const index = data.releases.findIndex((release) => release.key === key);
  if (index === -1) return notFound(key);
  const merged: Record<string, unknown> = { ...data.releases[index], ...patch, key };
  for (const [field, value] of Object.entries(merged)) if (value === undefined) delete merged[field];
  const parsed = storedReleaseSchema.safeParse(merged);
  if (!parsed.success) return invalid(key, parsed.error);
  const problem = itemsProblem(data, parsed.data);
  if (problem) return problem;
  data.releases[index] = parsed.data;
  return { ok: true, release: parsed.data };
}

export function removeRelease(data: RoadmapFile, key: string): Result<object, ReleaseError> {
  const index = data.releases.findIndex((release) => release.key === key);
  if (index === -1) return notFound(key);
  data.releases.splice(index, 1);
  return { ok: true };
}

/** Items a release names must exist, once each. */
function itemsProblem(data: RoadmapFile, release: Release): Failure<ReleaseError> | undefined {
  const known = new Set(data.items.map((item) => item.key));
  const seen = new Set<string>();
  for (const item of release.items) {
    if (!known.has(item)) {
      return {
        ok: false,
        error: 'invalid',
        message: `${release.key} cannot ship ${item}: there is no such roadmap item.`,
      };
    }
    if (seen.has(item)) {
      return { ok: false, error: 'invalid', message: `${release.key} lists ${item} twice.` };
    }
    seen.add(item);
  }
  return undefined;
}

function notFound(key: string): Failure<ReleaseError> {
  return { ok: false, error: 'not-found', message: `There is no release ${key}.` };
}

function invalid(key: string, error: z.ZodError): Failure<ReleaseError> {
  return { ok: false, error: 'invalid', message: schemaIssueMessage(`Release ${key}`, error.issues[0]!) };
}
