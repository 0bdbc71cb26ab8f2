/** Placeholder guidance for an empty paragraph, chosen by the section heading above it. */

const guidance: Record<string, string> = {
  summary: 'In two or three sentences: what this delivers, for whom, and why now.',
  problem: 'What hurts today, for whom, and the evidence (numbers, quotes, tickets).',
  goals: 'Outcomes that tell us this worked. One per line.',
  'non-goals': 'What this deliberately does not do, so nobody assumes it.',
  'success metrics': 'Metric, baseline, target. A table works well.',
  users: 'Who is affected, and what they are trying to get done.',
  requirements: 'Type / and choose Requirement, or press Insert requirement.',
  'acceptance criteria': 'Given …, when …, then … (one checklist item per criterion).',
  'open questions': 'What is still undecided, and who decides.',
  'press release': 'The announcement as if it shipped today: headline, customer, benefit.',
  'external faq': 'Questions customers will ask, each with a short answer.',
  'internal faq': 'Questions the team and stakeholders will ask.',
};

/** An empty requirement card's guidance: what the old template's example requirement said, as guidance. */
export const requirementGuidance = 'Describe one thing the product must do, then Given / When / Then lines.';

export const defaultGuidance = 'Write here. Type / for blocks, [[ to link a spec, story or requirement.';

export function guidanceFor(heading: string | undefined): string {
  if (!heading) return defaultGuidance;
  return guidance[heading.trim().toLowerCase()] ?? defaultGuidance;
}
