import { describe, expect, it } from 'vitest';
import { scanMarkdown } from '../grammar/markdownScanner.js';
import { settingsSchema } from '../model/settingsModel.js';
import { documentFixture } from './documentFixture.js';
import { runRules } from './runRules.js';

const note = (path: string, body: string) =>
  documentFixture({ path, nameLinks: scanMarkdown(body).nameLinks, headings: scanMarkdown(body).headings });

const findings = (documents: ReturnType<typeof note>[]) =>
  runRules({ documents, roadmap: [], settings: settingsSchema.parse({}) })
    .filter((finding) => finding.rule === 'shadowed-note')
    .map((finding) => `${finding.severity} ${finding.path}:${finding.line} ${finding.message}`);

describe('shadowed-note: a note nearer the root took a name over', () => {
  it.each([
    [
      'a root Plan takes the [[Plan]] links of Notes/Plan',
      [
        note('Plan.md', '# Root plan\n'),
        note('Notes/Plan.md', '# Plan\n'),
        note('Home.md', 'See [[Plan]] and [[Plan#Goals|goals]].\n'),
        note('Notes/Week.md', 'Per [[Plan]]; pinned [[Notes/Plan]].\n'),
      ],
      [
        'warning Notes/Plan.md:1 Notes/Plan.md shares its name with Plan.md, nearer the root: the 3 [[Plan]] links in 2 notes (Home.md, Notes/Week.md) lead there, not here. Write [[Notes/Plan]] where this note is meant.',
      ],
    ],
    [
      'one link',
      [note('Plan.md', ''), note('Notes/Plan.md', ''), note('Home.md', '[[plan]]\n')],
      [
        'warning Notes/Plan.md:1 Notes/Plan.md shares its name with Plan.md, nearer the root: the [[Plan]] link in Home.md leads there, not here. Write [[Notes/Plan]] where this note is meant.',
      ],
    ],
    [
      'no bare [[Plan]] link: nothing taken over',
      [note('Plan.md', ''), note('Notes/Plan.md', ''), note('Home.md', '[[Notes/Plan]]\n')],
      [],
    ],
    [
      'namesakes as deep as each other are ambiguous-link, not this',
      [note('a/Plan.md', ''), note('b/Plan.md', ''), note('Home.md', '[[Plan]]\n')],
      [],
    ],
    ['a single Plan', [note('Notes/Plan.md', ''), note('Home.md', '[[Plan]]\n')], []],
  ])('%s', (_case, documents, expected) => {
    expect(findings(documents)).toEqual(expected);
  });
});
