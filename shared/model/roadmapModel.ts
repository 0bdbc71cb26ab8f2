/** Roadmap items as stored in `roadmap.json`, validated on every read. */
import { z } from 'zod';

export const lanes = ['now', 'next', 'later'] as const;
export type Lane = (typeof lanes)[number];
export const roadmapStatuses = ['proposed', 'planned', 'in-progress', 'done', 'dropped'] as const;
export const impactValues = [3, 2, 1, 0.5, 0.25] as const;
export const confidenceValues = [100, 80, 50] as const;

export const quarterPattern = /^[0-9]{4}-Q[1-4]$/;

export const riceSchema = z.object({
  /** People or events per quarter. */
  reach: z.number().min(0),
  impact: z.union(impactValues.map((value) => z.literal(value))),
  /** Percent. */
  confidence: z.union(confidenceValues.map((value) => z.literal(value))),
  /** Person-months. */
  effort: z.number().positive(),
});
export type Rice = z.infer<typeof riceSchema>;

export const roadmapItemSchema = z.object({
  key: z.string().regex(/^[A-Z][A-Z0-9]*-[0-9]+$/),
  title: z.string().min(1).max(500),
  description: z.string().max(100_000).default(''),
  lane: z.enum(lanes),
  /** Order within its lane, lowest first. */
  rank: z.number().default(0),
  quarter: z.string().regex(quarterPattern).optional(),
  status: z.enum(roadmapStatuses).default('proposed'),
  theme: z.string().max(200).optional(),
  owner: z.string().max(200).optional(),
  rice: riceSchema.optional(),
  /** What customers read about this item in release notes (the description is the team's, never shown to them). */
  releaseNote: z.string().max(10_000).optional(),
});
export type RoadmapItem = z.infer<typeof roadmapItemSchema>;

export const releaseStatuses = ['planned', 'released'] as const;
export type ReleaseStatus = (typeof releaseStatuses)[number];
export const datePattern = /^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$/;

/** A release (`REL-n`): the roadmap items it ships, and when. */
export const releaseSchema = z.object({
  key: z.string().regex(/^[A-Z][A-Z0-9]*-[0-9]+$/),
  name: z.string().trim().min(1, 'must not be empty').max(200),
  /** The target date while planned; the day it shipped once released. `YYYY-MM-DD`. */
  date: z.string().regex(datePattern, 'must be a date written YYYY-MM-DD').optional(),
  status: z.enum(releaseStatuses).default('planned'),
  /** Keys of the roadmap items it ships, in the order the notes list them. */
  items: z
    .array(z.string().regex(/^[A-Z][A-Z0-9]*-[0-9]+$/))
    .max(10_000)
    .default([]),
  /** An opening paragraph for the release notes. */
  summary: z.string().max(10_000).optional(),
});
export type Release = z.infer<typeof releaseSchema>;

/** `releases` is optional on disk: roadmap.json files written before releases existed read as having none. */
export const roadmapFileSchema = z.object({
  version: z.literal(1).default(1),
  items: z.array(roadmapItemSchema).default([]),
  releases: z.array(releaseSchema).default([]),
});
export type RoadmapFile = z.infer<typeof roadmapFileSchema>;

/** RICE score: reach × impact × confidence ÷ effort, rounded to one decimal. */
export function riceScore(rice: Rice): number {
  return Math.round(((rice.reach * rice.impact * (rice.confidence / 100)) / rice.effort) * 10) / 10;
}
