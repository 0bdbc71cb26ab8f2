/** The built-in user story: "As a … I want … so that …" and Given/When/Then acceptance criteria. */
export const storyTemplateText = `---
key: {{key}}
type: story
title: {{title}}
status: idea
owner: {{owner}}
implements: []
created: {{date}}
---
As a **type of user**, I want **a goal** so that **a benefit**.

<!-- List the requirements this story implements in the front matter, e.g. implements: [REQ-12]. -->

## Acceptance criteria

<!-- Required. One checkbox per criterion, each as Given a context, when an action, then an outcome. -->

- [ ] Given a context, when the user acts, then they see the outcome.

## Notes

<!-- Designs, edge cases, dependencies. -->
`;
