import { describe, expect, it } from 'vitest';
import type { QuickSwitchHit } from '../../shared/contract/apiContract.js';
import { quickSwitch, quickSwitchCandidate } from './quickSwitch.js';

const hits: QuickSwitchHit[] = [
  { path: 'specs/guest-checkout.md', key: 'SPEC-3', title: 'Guest checkout', type: 'spec' },
  { path: 'specs/saved-cards.md', key: 'SPEC-30', title: 'Saved payment methods', type: 'spec' },
  { path: 'stories/pay-as-a-guest.md', key: 'STORY-8', title: 'Pay as a guest', type: 'story' },
  {
    path: 'specs/guest-checkout.md',
    key: 'REQ-12',
    title: 'Guest shoppers can pay without an account',
    type: 'requirement',
  },
  { path: 'roadmap.json', key: 'RM-3', title: 'Checkout without sign-up', type: 'roadmap' },
  { path: 'notes/café.md', title: 'Café notes', type: 'doc' },
  { path: 'faqs/invites.md', key: 'FAQ-4', title: 'Reviewing team invites', type: 'faq' },
];
const candidates = [
  ...hits.map((hit) => quickSwitchCandidate(hit)),
  // A note titled in its front matter is found by its file name and its aliases too.
  quickSwitchCandidate({ path: 'vault/Callouts.md', title: 'Admonitions in depth', type: 'doc' }, [
    'Callouts',
    'Boxes',
  ]),
];

describe('quickSwitch', () => {
  const cases: [string, string, number, string[]][] = [
    ['an exact key first', 'spec-3', 3, ['SPEC-3', 'SPEC-30']],
    ['a key prefix', 'STORY', 5, ['STORY-8']],
    ['a title prefix before a substring', 'guest', 5, ['SPEC-3', 'REQ-12', 'STORY-8']],
    ['a fuzzy subsequence', 'gchk', 5, ['SPEC-3']],
    ['accents and case do not matter', 'CAFE', 5, ['Café notes']],
    ['no match', 'zzz', 5, []],
    ['the words of a title in another order', 'invite rev', 5, ['FAQ-4']],
    ['every word must be there', 'invite guest', 5, []],
    ['by file name', 'Callouts', 5, ['Admonitions in depth']],
    ['by alias', 'boxes', 5, ['Admonitions in depth']],
    ['the limit', '', 2, ['SPEC-3', 'SPEC-30']],
  ];
  it.each(cases)('%s', (_name, query, limit, expected) => {
    expect(quickSwitch(candidates, query, limit).map((hit) => hit.key ?? hit.title)).toEqual(expected);
  });
});

/** Real names from the Obsidian help vault, with a namesake added in another folder as a user would. */
const vault = [
  'Extending Obsidian/Obsidian CLI.md',
  'Obsidian Web Clipper/Clip web pages.md',
  'Obsidian Web Clipper/Introduction to Obsidian Web Clipper.md',
  'Files and folders/Symbolic links and junctions.md',
  'User interface/Settings.md',
  'User interface/Language settings.md',
  'Obsidian Sync/Sync settings and selective syncing.md',
  'Maya/Settings.md',
  'Editing and formatting/Callouts.md',
].map((path) => {
  const title = path.slice(path.lastIndexOf('/') + 1, -3);
  return quickSwitchCandidate({ path, title, type: 'doc' }, [title]);
});

describe('quickSwitch over a vault: exact names, whole words, word starts, substrings, then paths', () => {
  const cases: [string, string, string[]][] = [
    [
      'a whole word in a title before a word it starts',
      'cli',
      [
        'Extending Obsidian/Obsidian CLI.md',
        'Obsidian Web Clipper/Clip web pages.md',
        'Obsidian Web Clipper/Introduction to Obsidian Web Clipper.md',
        'Files and folders/Symbolic links and junctions.md',
      ],
    ],
    [
      'an exact title first, then whole words, then a word start',
      'settings',
      [
        'Maya/Settings.md',
        'User interface/Settings.md',
        'User interface/Language settings.md',
        'Obsidian Sync/Sync settings and selective syncing.md',
      ],
    ],
    ['a path with its folder', 'Maya/Settings', ['Maya/Settings.md']],
    [
      'the words of a path',
      'user interface settings',
      ['User interface/Settings.md', 'User interface/Language settings.md'],
    ],
    [
      'a folder name alone finds what it holds, after titles',
      'web clipper',
      [
        'Obsidian Web Clipper/Introduction to Obsidian Web Clipper.md',
        'Obsidian Web Clipper/Clip web pages.md',
      ],
    ],
    ['inside a word', 'allout', ['Editing and formatting/Callouts.md']],
  ];
  it.each(cases)('%s', (_name, query, expected) => {
    expect(quickSwitch(vault, query, 5).map((hit) => hit.path)).toEqual(expected);
  });
});

/** Many requirements and documents, as the reference workspace has: the filters must not change what is found. */
const crowd = Array.from({ length: 300 }, (_, index) => [
  quickSwitchCandidate(
    {
      path: `stories/story-${index}.md`,
      key: `STORY-${index}`,
      title: `Guest flow ${index % 7}`,
      type: 'story',
    },
    [`guest-flow-${index}`],
  ),
  quickSwitchCandidate({
    path: `specs/spec-${index}.md`,
    key: `REQ-${index}`,
    title: `Today the store manager merges refunds by hand, and ${index}% give up.`,
    type: 'requirement',
  }),
]).flat();

describe('quickSwitch over many candidates', () => {
  const cases: [string, string, number, string[]][] = [
    ['subsequences only where better matches leave room', 'stor 12', 3, ['REQ-12', 'REQ-120', 'REQ-121']],
    ['subsequences when nothing better matches', 'gstflw 12', 2, ['STORY-126', 'STORY-120']],
    ['a key prefix before every title', 'req-29', 3, ['REQ-29', 'REQ-290', 'REQ-291']],
    ['equal scores by title, then path', 'guest flow 3', 3, ['STORY-10', 'STORY-101', 'STORY-108']],
    ['a word no requirement holds', 'zebra', 3, []],
  ];
  it.each(cases)('%s', (_name, query, limit, expected) => {
    expect(quickSwitch(crowd, query, limit).map((hit) => hit.key ?? hit.title)).toEqual(expected);
  });
});
