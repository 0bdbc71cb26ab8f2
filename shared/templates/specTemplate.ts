/**
 * The built-in product spec (PRD): sections PMs expect, with guidance in HTML comments that never
 * counts as content. It holds no example requirement: a requirement's key is taken when the author
 * writes one (Insert requirement), never by a new spec.
 */

export const specTemplateText = `---
key: {{key}}
type: spec
title: {{title}}
status: draft
owner: {{owner}}
created: {{date}}
---
## Summary

<!-- Required. Two or three sentences: what we are building, for whom, and why now. Name the roadmap item it delivers as a [[KEY]] link. -->

## Problem

<!-- Required. The user's problem in their words, with evidence: funnel data, support tickets, interviews. Describe the problem, not the solution. -->

## Goals

<!-- Required. What will be true when this ships, as a short list. -->

## Non-goals

<!-- What this spec deliberately does not do, so reviewers do not assume it. -->

## Success metrics

<!-- Required. How we will know it worked. Fill Baseline and Target before launch, Actual after: a number with its unit, and when it was measured in brackets, e.g. 4.2% (2026-11-30). -->

| Metric | Baseline | Target | Actual |
|---|---|---|---|
|  |  |  |  |

## Users

<!-- Who this is for: personas or segments, and what each needs from it. -->

## Requirements

<!-- Required. One block per requirement (Insert requirement, or type /requirement), with priority must, should, could or wont, and roadmap=RM-… for the item it delivers. Write acceptance criteria as Given / When / Then lines. -->

## Open questions

<!-- Decisions still to make, each with an owner and a date. -->

## Release plan

<!-- Rollout steps: flags, markets, percentages, and what must hold before the next step. -->
`;
