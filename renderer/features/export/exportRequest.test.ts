import { describe, expect, it } from 'vitest';
import { parseCall } from '../../../shared/contract/apiContract.js';
import {
  decodeBase64,
  exportRequest,
  formatSize,
  matchesFilter,
  sharedTitles,
  type ExportChoices,
} from './exportRequest.js';

describe('exportRequest', () => {
  const base: ExportChoices = {
    scope: 'chosen',
    documents: ['specs/guest-checkout.md', 'Notes/Callouts.md'],
    format: 'html',
    parts: [],
  };
  const cases: [string, ExportChoices, unknown][] = [
    [
      'chosen documents of any kind, by path',
      base,
      {
        exportId: 'e1',
        specs: [],
        documents: ['specs/guest-checkout.md', 'Notes/Callouts.md'],
        format: 'html',
        include: [],
      },
    ],
    [
      'all specs ignores the list',
      { ...base, scope: 'all', parts: ['stories', 'matrix'] },
      { exportId: 'e1', specs: 'all', format: 'html', include: ['stories', 'matrix'] },
    ],
    ['nothing chosen', { ...base, documents: [] }, 'Choose at least one document.'],
  ];
  it.each(cases)('%s', (_name, choices, expected) => {
    const request = exportRequest(choices, 'e1');
    // Every request the dialog builds must pass the contract's own validation.
    const valid = request.ok ? parseCall('exportBundle', request.input).ok : false;
    expect(request.ok ? (valid ? request.input : 'invalid') : request.message).toEqual(expected);
  });
});

describe('decodeBase64 and formatSize', () => {
  const cases: [string, unknown, unknown][] = [
    ['bytes of "Hi!"', [...decodeBase64('SGkh')], [72, 105, 33]],
    ['empty', [...decodeBase64('')], []],
    ['small size', formatSize(900), '900 bytes'],
    ['kilobytes', formatSize(12_800), '13 KB'],
    ['megabytes', formatSize(3 * 1024 * 1024), '3.0 MB'],
  ];
  it.each(cases)('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});

describe('matchesFilter', () => {
  const note = { title: 'Weekly review', path: 'Notes/2026/Review.md', tags: ['meeting', 'team/ops'] };
  const spec = { title: 'Guest checkout', path: 'specs/guest-checkout.md', key: 'SPEC-1' };
  const cases: [string, string, boolean[]][] = [
    ['nothing typed shows all', '  ', [true, true]],
    ['a word of the title, any case', 'REVIEW', [true, false]],
    ['a folder of the path', 'specs/', [false, true]],
    ['a key', 'spec-1', [false, true]],
    ['a tag with #', '#team', [true, false]],
    ['a tag without #', 'meeting', [true, false]],
    ['every word must match', 'weekly checkout', [false, false]],
    ['a # word matches tags only', '#review', [false, false]],
  ];
  it.each(cases)('%s', (_name, filter, expected) => {
    expect([matchesFilter(note, filter), matchesFilter(spec, filter)]).toEqual(expected);
  });
});

describe('sharedTitles', () => {
  it('names the titles two documents have, so their rows show where each is', () => {
    const documents = [
      { title: 'Tabs' },
      { title: 'Security and privacy' },
      { title: 'Tabs' },
      { title: 'Home' },
      { title: 'Security and privacy' },
      { title: 'Tabs' },
    ];
    expect([...sharedTitles(documents)]).toEqual(['Tabs', 'Security and privacy']);
  });
});
