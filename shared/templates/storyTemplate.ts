/** The built-in user story: "As a … I want … so that …" and Given/When/Then acceptance criteria. */
export const storyTemplateText = `---
key: {{key}}
type: story
title: {{title}}
status: idea
owner: {{owner}}
implements: []
# depends: [STORY-3, REQ-7]  # the stories or requirements this one waits for
# design: ["[Checkout flow (Figma)](https://figma.com/file/…)"]  # http or https links to the designs
created: {{date}}
---
As a **type of user**, I want **a goal** so that **a benefit**.

<!-- Pick the requirements this story implements under Implements, above: + add, then type a key or words of the requirement. -->

## Acceptance criteria

<!-- Required. One checkbox per criterion, each as Given a context, when an action, then an outcome. -->

- [ ] Given a context, when the user acts, then they see the outcome.

## Notes

<!-- Designs, edge cases, dependencies. -->
`;
