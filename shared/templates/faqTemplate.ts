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

<!-- Optional. Announce the launch as if it shipped today: headline, the customer's problem, how this solves it, a quote. List the specs this FAQ answers about in the front matter, e.g. answers: [SPEC-3]. -->

## External FAQ

<!-- Required. Questions customers will ask, each as a ### heading followed by its answer. -->

### Question a customer will ask?

<!-- The answer, in plain words. -->

## Internal FAQ

<!-- Required. Questions the team, leadership, support and legal will ask: cost, risks, dependencies, why now. -->

### Question the team will ask?

<!-- The answer, with numbers where you have them. -->
`;
