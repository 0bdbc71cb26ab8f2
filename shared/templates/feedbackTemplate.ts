/**
 * The built-in feedback notes, one per source: the same front matter (where the evidence came from,
 * who said it, what it is about), and guidance for what that kind of evidence should record.
 */
import type { FeedbackSource } from '../model/documentModel.js';

const guidance: Record<FeedbackSource, { quote: string; section: string; context: string }> = {
  interview: {
    quote:
      "The customer's own words from the interview, as they said them. The first paragraph is the quote the roadmap shows.",
    section: 'Context',
    context: 'Who they are (role, team, company size), what they were trying to do, and what they use today.',
  },
  support: {
    quote:
      "The ticket or chat in the customer's words, or a faithful summary. The first paragraph is the quote the roadmap shows.",
    section: 'Ticket',
    context:
      'Link the ticket in url:, and note the plan, the workaround support gave, and how often this comes up.',
  },
  sales: {
    quote:
      'What the prospect or customer said, in their words. The first paragraph is the quote the roadmap shows.',
    section: 'Deal',
    context: 'What is at stake: deal size, stage, renewal date, and whether this blocks the deal.',
  },
  survey: {
    quote: "The respondent's answer, verbatim. The first paragraph is the quote the roadmap shows.",
    section: 'Survey',
    context: 'The survey, the question asked, and the score given (NPS, CSAT, CES).',
  },
  review: {
    quote: 'The review, verbatim. The first paragraph is the quote the roadmap shows.',
    section: 'Review',
    context: 'Where it was posted, the rating, and a link in url:.',
  },
};

export function feedbackTemplateText(source: FeedbackSource): string {
  const text = guidance[source];
  return `---
key: {{key}}
type: feedback
title: {{title}}
status: new
source: ${source}
customer: {{customer}}
date: {{date}}
about: []
---
<!-- ${text.quote} Link it to roadmap items or requirements with about: [RM-3, REQ-12]. -->

## ${text.section}

<!-- ${text.context} -->
`;
}
