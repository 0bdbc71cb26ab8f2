import { describe, it, expect } from 'vitest';
import { splitDocument } from '../frontMatter/frontMatter.js';
import { scanMarkdown } from '../grammar/markdownScanner.js';
import { feedbackSources } from '../model/documentModel.js';
import {
  builtInTemplate,
  renderTemplate,
  templateFromOverride,
  templateNamesFor,
  type TemplateFields,
} from './template.js';

const fields: TemplateFields = { key: 'SPEC-9', title: 'Guest checkout', owner: 'Dana', date: '2026-11-25' };

/** What a rendered file holds, in the terms the engine reads it. */
function readBack(text: string) {
  const split = splitDocument(text);
  const scan = scanMarkdown(split.body);
  return {
    fields: split.frontMatter?.data,
    error: split.frontMatter?.error,
    headings: scan.headings.map((heading) => heading.text),
    requirements: scan.requirements.map((requirement) => requirement.attributes.key),
    placeholdersLeft: /\{\{\w+\}\}/.test(text),
  };
}

describe('built-in templates', () => {
  const cases: { type: 'spec' | 'story' | 'faq'; required: string[] }[] = [
    { type: 'spec', required: ['Summary', 'Problem', 'Goals', 'Success metrics', 'Requirements'] },
    { type: 'story', required: ['Acceptance criteria'] },
    { type: 'faq', required: ['External FAQ', 'Internal FAQ'] },
  ];
  for (const testCase of cases) {
    it(`${testCase.type} declares its required sections`, () => {
      expect(builtInTemplate(testCase.type).requiredSections).toEqual(testCase.required);
    });
  }

  // A PM sets links with the pickers of the Properties panel; guidance never sends them to YAML.
  it.each(['spec', 'story', 'faq'] as const)(
    '%s guidance points at the app, never at the front matter',
    (type) => {
      const guidance = builtInTemplate(type).body.match(/<!--[\s\S]*?-->/g) ?? [];
      expect(guidance.filter((comment) => /front matter|\w+: \[/i.test(comment))).toEqual([]);
    },
  );

  const rendered: { name: string; text: () => string; expected: ReturnType<typeof readBack> }[] = [
    {
      name: 'a spec, with no requirement: none has a key before its author writes one',
      text: () => renderTemplate(builtInTemplate('spec'), fields),
      expected: {
        fields: {
          key: 'SPEC-9',
          type: 'spec',
          title: 'Guest checkout',
          status: 'draft',
          owner: 'Dana',
          created: '2026-11-25',
        },
        error: undefined,
        headings: [
          'Summary',
          'Problem',
          'Goals',
          'Non-goals',
          'Success metrics',
          'Users',
          'Requirements',
          'Open questions',
          'Release plan',
        ],
        requirements: [],
        placeholdersLeft: false,
      },
    },
    {
      name: 'a spec without an owner leaves the field out, and quotes a title YAML would misread',
      text: () =>
        renderTemplate(builtInTemplate('spec'), {
          key: 'SPEC-2',
          title: 'Promo: codes "v2"',
          date: '2026-01-02',
        }),
      expected: {
        fields: {
          key: 'SPEC-2',
          type: 'spec',
          title: 'Promo: codes "v2"',
          status: 'draft',
          created: '2026-01-02',
        },
        error: undefined,
        headings: [
          'Summary',
          'Problem',
          'Goals',
          'Non-goals',
          'Success metrics',
          'Users',
          'Requirements',
          'Open questions',
          'Release plan',
        ],
        requirements: [],
        placeholdersLeft: false,
      },
    },
    {
      name: 'a story',
      text: () =>
        renderTemplate(builtInTemplate('story'), { ...fields, key: 'STORY-4', title: 'Pay as a guest' }),
      expected: {
        fields: {
          key: 'STORY-4',
          type: 'story',
          title: 'Pay as a guest',
          status: 'idea',
          owner: 'Dana',
          implements: [],
          created: '2026-11-25',
        },
        error: undefined,
        headings: ['Acceptance criteria', 'Notes'],
        requirements: [],
        placeholdersLeft: false,
      },
    },
    {
      name: 'an FAQ',
      text: () =>
        renderTemplate(builtInTemplate('faq'), { ...fields, key: 'FAQ-3', title: 'Guest checkout PR/FAQ' }),
      expected: {
        fields: {
          key: 'FAQ-3',
          type: 'faq',
          title: 'Guest checkout PR/FAQ',
          status: 'draft',
          owner: 'Dana',
          answers: [],
          created: '2026-11-25',
        },
        error: undefined,
        headings: [
          'Press release',
          'External FAQ',
          'Question a customer will ask?',
          'Internal FAQ',
          'Question the team will ask?',
        ],
        requirements: [],
        placeholdersLeft: false,
      },
    },
  ];
  for (const testCase of rendered) {
    it(`renders ${testCase.name}`, () => {
      expect(readBack(testCase.text())).toEqual(testCase.expected);
    });
  }

  it('a story starts with "As a … I want … so that …"', () => {
    const body = splitDocument(renderTemplate(builtInTemplate('story'), fields)).body;
    expect(/^As a \*\*.+\*\*, I want \*\*.+\*\* so that \*\*.+\*\*\.\n/.test(body)).toBe(true);
  });

  it('the spec measures success with Metric | Baseline | Target | Actual (the Metrics view reads Baseline)', () => {
    expect(
      builtInTemplate('spec').body.includes('| Metric | Baseline | Target | Actual |\n|---|---|---|---|\n'),
    ).toBe(true);
  });
});

describe('templates from a workspace', () => {
  const cases: { name: string; text: string; expected: string }[] = [
    {
      name: 'no front matter: one is written',
      text: '## Context\n\n<!-- Required. Why. -->\n',
      expected:
        '---\nkey: SPEC-9\ntype: spec\ntitle: Guest checkout\nowner: Dana\ncreated: 2026-11-25\n---\n## Context\n\n<!-- Required. Why. -->\n',
    },
    {
      name: 'front matter without a key gets one, and other fields stay',
      text: '---\ntitle: {{title}}\nteam: Payments\n---\nBy {{owner}} on {{date}}.\n',
      expected:
        '---\ntitle: Guest checkout\nteam: Payments\nkey: SPEC-9\ntype: spec\n---\nBy Dana on 2026-11-25.\n',
    },
    {
      name: 'CRLF line endings are kept',
      text: '---\r\nkey: {{key}}\r\ntype: spec\r\ntitle: {{title}}\r\n---\r\n## Why\r\n',
      expected: '---\r\nkey: SPEC-9\r\ntype: spec\r\ntitle: Guest checkout\r\n---\r\n## Why\r\n',
    },
    {
      name: 'unknown placeholders are left for the author, quoted in the front matter',
      text: '---\nkey: {{key}}\ntype: spec\ntitle: {{title}}\nteam: {{team}}\n---\nTeam: {{team}}\n',
      expected:
        '---\nkey: SPEC-9\ntype: spec\ntitle: Guest checkout\nteam: "{{team}}"\n---\nTeam: {{team}}\n',
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      expect(renderTemplate(templateFromOverride('spec', testCase.text), fields)).toBe(testCase.expected);
    });
  }

  const requiredCases: { name: string; text: string; expected: string[] }[] = [
    { name: 'none marked', text: '## A\n\n<!-- Guidance. -->\n\n## B\n', expected: [] },
    {
      name: 'marked, any case and heading level',
      text: '## A\n<!-- required: yes -->\n### B\n\n<!--Required-->\n## C\nText <!-- Required -->\n',
      expected: ['A', 'B'],
    },
    {
      name: 'headings inside fenced code are not sections',
      text: '```\n## Not\n<!-- Required -->\n```\n## Yes\n\n<!-- Required. -->\n',
      expected: ['Yes'],
    },
  ];
  for (const testCase of requiredCases) {
    it(`required sections: ${testCase.name}`, () => {
      expect(templateFromOverride('faq', testCase.text).requiredSections).toEqual(testCase.expected);
    });
  }
});

describe('feedback templates, one per source', () => {
  const sections: Record<(typeof feedbackSources)[number], string> = {
    interview: 'Context',
    support: 'Ticket',
    sales: 'Deal',
    survey: 'Survey',
    review: 'Review',
  };
  for (const source of feedbackSources) {
    it(`${source}: the evidence fields, the source's own section, nothing required`, () => {
      const template = builtInTemplate(`feedback-${source}`);
      const text = renderTemplate(template, {
        ...fields,
        key: 'FB-3',
        title: 'Forced sign-up',
        customer: 'Northwind',
      });
      expect({ ...readBack(text), required: template.requiredSections }).toEqual({
        fields: {
          key: 'FB-3',
          type: 'feedback',
          title: 'Forced sign-up',
          status: 'new',
          source,
          customer: 'Northwind',
          date: '2026-11-25',
          about: [],
        },
        error: undefined,
        headings: [sections[source]],
        requirements: [],
        placeholdersLeft: false,
        required: [],
      });
    });
  }

  it('without a customer the field is left out', () => {
    const text = renderTemplate(builtInTemplate('feedback-survey'), { ...fields, key: 'FB-3', title: 'NPS' });
    expect(readBack(text).fields).not.toHaveProperty('customer');
  });

  it('a workspace picks the source template, then feedback.md, then the built-in one', () => {
    expect([
      templateNamesFor('feedback', 'sales'),
      templateNamesFor('feedback'),
      templateNamesFor('spec', 'sales'),
    ]).toEqual([['feedback-sales', 'feedback'], ['feedback'], ['spec']]);
  });
});
