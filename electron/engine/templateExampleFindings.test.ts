import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../shared/model/settingsModel.js';
import { runRules } from '../../shared/rules/runRules.js';
import {
  builtInTemplate,
  renderTemplate,
  templateFromOverride,
  type Template,
} from '../../shared/templates/template.js';
import { indexDocument } from './indexDocument.js';

const version = { size: 1, mtimeMs: 1, hash: 'a'.repeat(64) };
const fields = { title: 'Invite reviewers', owner: 'Dana', date: '2026-12-06' };

/** What `specbench check` says of a document new from `template` after `edit`, as `rule: line: message`. */
function findingsOf(
  template: Template,
  key: string,
  path: string,
  edit = (text: string) => text,
  examples = {},
) {
  const text = edit(renderTemplate(template, { ...fields, key }));
  const entry = indexDocument(path, text, version);
  return {
    requirements: entry.requirements.map((requirement) => requirement.key),
    findings: runRules({ documents: [entry], roadmap: [], settings: settingsSchema.parse({}), examples }).map(
      (finding) => `${finding.rule}: ${finding.message}`,
    ),
  };
}

describe('a new document from a built-in template', () => {
  const cases: [string, ReturnType<typeof findingsOf>, ReturnType<typeof findingsOf>][] = [
    [
      'a spec takes no requirement key, and its empty metrics table is not content',
      findingsOf(builtInTemplate('spec'), 'SPEC-1', 'specs/invite-reviewers.md'),
      {
        requirements: [],
        findings: [
          'empty-required-section: The required section "Summary" in SPEC-1 is empty.',
          'empty-required-section: The required section "Problem" in SPEC-1 is empty.',
          'empty-required-section: The required section "Goals" in SPEC-1 is empty.',
          `unfilled-template: "Success metrics" in SPEC-1 still holds the template's example; replace it with your own words.`,
          'empty-required-section: The required section "Requirements" in SPEC-1 is empty.',
        ],
      },
    ],
    [
      "a story's sample sentence and criterion are not its own; the criterion is not counted as one",
      findingsOf(builtInTemplate('story'), 'STORY-1', 'stories/invite.md'),
      {
        requirements: [],
        findings: [
          `unfilled-template: The opening of STORY-1 still holds the template's example; replace it with your own words.`,
          `unfilled-template: "Acceptance criteria" in STORY-1 still holds the template's example; replace it with your own words.`,
        ],
      },
    ],
    [
      'one word changed makes it the author’s own',
      findingsOf(builtInTemplate('story'), 'STORY-1', 'stories/invite.md', (text) =>
        text
          .replace('type of user', 'reviewer')
          .replace('- [ ] Given a context,', '- [ ] Given an invitation,'),
      ),
      { requirements: [], findings: [] },
    ],
    [
      "an FAQ's sample questions are not questions",
      findingsOf(builtInTemplate('faq'), 'FAQ-1', 'faqs/invite.md'),
      {
        requirements: [],
        findings: [
          `unfilled-template: "External FAQ" in FAQ-1 still holds the template's example; replace it with your own words.`,
          `unfilled-template: "Internal FAQ" in FAQ-1 still holds the template's example; replace it with your own words.`,
        ],
      },
    ],
    [
      "a workspace's own template: its example, passed to the rules, is reported",
      findingsOf(
        templateFromOverride('spec', '## Scope\n\nIn: cards. Out: wallets.\n'),
        'SPEC-2',
        'specs/scope.md',
        undefined,
        { spec: templateFromOverride('spec', '## Scope\n\nIn: cards. Out: wallets.\n').examples },
      ),
      {
        requirements: [],
        findings: [
          `unfilled-template: "Scope" in SPEC-2 still holds the template's example; replace it with your own words.`,
        ],
      },
    ],
  ];
  it.each(cases)('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});
