/** The built-in FAQ in the PR/FAQ style: a press release, then questions customers and the team will ask. */
export const faqTemplateText = `---
key: {{key}}
type: faq
title: {{title}}
status: draft
owner: {{owner}}
answers: []
created: {{date}}
---
## Press release

<!-- Optional. Announce the launch as if it shipped today: headline, the customer's problem, how this solves it, a quote. Pick the specs it answers questions about under Answers, above. -->

## External FAQ

<!-- Required. Questions customers will ask, each as a ### heading followed by its answer. -->

### Question a customer will ask?

<!-- The answer, in plain words. -->

## Internal FAQ

<!-- Required. Questions the team, leadership, support and legal will ask: cost, risks, dependencies, why now. -->

### Question the team will ask?

<!-- The answer, with numbers where you have them. -->
`;
