/** `specbench.json`: the workspace's name, key prefixes and rule severities. */
import { z } from 'zod';

export const severities = ['error', 'warning', 'info', 'off'] as const;
export type Severity = (typeof severities)[number];

export const ruleIds = [
  'broken-link',
  'ambiguous-link',
  'shadowed-note',
  'duplicate-key',
  'requirement-without-roadmap',
  'must-without-story',
  'story-without-acceptance-criteria',
  'now-item-without-requirements',
  'empty-required-section',
  'unfilled-template',
  'malformed-file',
  'unmeasured-metric',
  'criterion-not-gherkin',
  'missing-asset',
  'missing-key',
  'suspect-link',
  'stale-approval',
  'missing-front-matter',
  'story-ahead-of-requirement',
  'dependency-cycle',
  'unresolved-comments',
  'comment-anchor-missing',
  'rekeyed-reference',
] as const;
export type RuleId = (typeof ruleIds)[number];

export const defaultSeverities: Record<RuleId, Severity> = {
  'broken-link': 'error',
  'ambiguous-link': 'warning',
  'shadowed-note': 'warning',
  'duplicate-key': 'error',
  'requirement-without-roadmap': 'warning',
  'must-without-story': 'warning',
  'story-without-acceptance-criteria': 'warning',
  'now-item-without-requirements': 'warning',
  'empty-required-section': 'info',
  'unfilled-template': 'warning',
  'malformed-file': 'error',
  'unmeasured-metric': 'warning',
  'criterion-not-gherkin': 'info',
  'missing-asset': 'warning',
  'missing-key': 'warning',
  'suspect-link': 'warning',
  'stale-approval': 'warning',
  'missing-front-matter': 'warning',
  'story-ahead-of-requirement': 'warning',
  'dependency-cycle': 'warning',
  'unresolved-comments': 'info',
  'comment-anchor-missing': 'warning',
  'rekeyed-reference': 'warning',
};

export const prefixesSchema = z.object({
  spec: z
    .string()
    .regex(/^[A-Z][A-Z0-9]*$/)
    .default('SPEC'),
  story: z
    .string()
    .regex(/^[A-Z][A-Z0-9]*$/)
    .default('STORY'),
  faq: z
    .string()
    .regex(/^[A-Z][A-Z0-9]*$/)
    .default('FAQ'),
  requirement: z
    .string()
    .regex(/^[A-Z][A-Z0-9]*$/)
    .default('REQ'),
  roadmap: z
    .string()
    .regex(/^[A-Z][A-Z0-9]*$/)
    .default('RM'),
  feedback: z
    .string()
    .regex(/^[A-Z][A-Z0-9]*$/)
    .default('FB'),
  release: z
    .string()
    .regex(/^[A-Z][A-Z0-9]*$/)
    .default('REL'),
});
export type KeyPrefixes = z.infer<typeof prefixesSchema>;

export const settingsSchema = z.object({
  name: z.string().min(1).max(200).default('Untitled workspace'),
  prefixes: prefixesSchema.default(prefixesSchema.parse({})),
  rules: z.partialRecord(z.enum(ruleIds), z.enum(severities)).default({}),
});
export type Settings = z.infer<typeof settingsSchema>;

export function severityOf(settings: Settings, rule: RuleId): Severity {
  return settings.rules[rule] ?? defaultSeverities[rule];
}
