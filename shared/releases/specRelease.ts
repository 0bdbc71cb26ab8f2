/** Which release shipped a spec: the first released release holding a roadmap item the spec delivers. */
import type { RequirementEntry } from '../model/documentModel.js';
import type { Release } from '../model/roadmapModel.js';

export interface ShippedRelease {
  release: Release;
  /** The day it shipped, `YYYY-MM-DD`. */
  date: string;
}

export function shippedReleaseOf(
  spec: { requirements: readonly Pick<RequirementEntry, 'roadmap'>[] },
  releases: readonly Release[],
): ShippedRelease | undefined {
  const items = new Set(spec.requirements.flatMap((requirement) => requirement.roadmap));
  let first: ShippedRelease | undefined;
  for (const release of releases) {
    if (release.status !== 'released' || release.date === undefined) continue;
    if (!release.items.some((item) => items.has(item))) continue;
    if (!first || release.date < first.date) first = { release, date: release.date };
  }
  return first;
}
