import { describe, expect, it } from 'vitest';
import { indexDocument } from './indexDocument.js';
import { SearchIndex } from './searchIndex.js';

const files: Record<string, string> = {
  'specs/guest.md':
    '---\nkey: SPEC-3\ntitle: Guest checkout\n---\n## Problem\nShoppers abandon checkout when forced to sign up.\n',
  'stories/pay.md':
    '---\nkey: STORY-8\ntitle: Pay as a guest\n---\nAs a guest shopper I want to pay quickly.\nGuests love it.\n',
  'faqs/refunds.md': '---\nkey: FAQ-2\ntitle: Refunds\n---\nRefunds for a guest order go to the card.\n',
  'notes/café.md': '# Café notes\n\nThe CAFÉ team reviews checkout weekly.\r\n',
};

function searchIndex(): SearchIndex {
  const index = new SearchIndex();
  for (const [path, text] of Object.entries(files))
    index.set(indexDocument(path, text, { size: 0, mtimeMs: 0, hash: '' }), text);
  return index;
}

describe('SearchIndex', () => {
  const index = searchIndex();

  const ranked: [string, string, string[]][] = [
    [
      'title matches rank first, then the earliest body match',
      'guest',
      ['stories/pay.md', 'specs/guest.md', 'faqs/refunds.md'],
    ],
    ['words AND', 'guest card', ['faqs/refunds.md']],
    ['the last word is a prefix', 'refunds for a gue', ['faqs/refunds.md']],
    ['earlier words are whole words', 'gue order', []],
    ['case and accents do not matter', 'cafe TEAM', ['notes/café.md']],
    ['a key', 'SPEC-3', ['specs/guest.md']],
    ['front matter is not body text', 'title', []],
    ['no words, no hits', '  !! ', []],
  ];
  it.each(ranked)('%s', (_name, query, expected) => {
    expect(index.search(query).map((hit) => hit.path)).toEqual(expected);
  });

  const snippets: [string, string, [number, string, string[]]][] = [
    [
      'the matched line with its file line',
      'abandon',
      [6, 'Shoppers abandon checkout when forced to sign up.', ['abandon']],
    ],
    [
      'a prefix marks the whole word',
      'shop',
      [6, 'Shoppers abandon checkout when forced to sign up.', ['Shoppers']],
    ],
    [
      'every query word is marked',
      'guest pay',
      [5, 'As a guest shopper I want to pay quickly.', ['guest', 'pay']],
    ],
    [
      'a title-only match shows the title',
      'refunds card',
      [5, 'Refunds for a guest order go to the card.', ['Refunds', 'card']],
    ],
    ['a CRLF line ends before the CR', 'weekly', [3, 'The CAFÉ team reviews checkout weekly.', ['weekly']]],
  ];
  it.each(snippets)('%s', (_name, query, expected) => {
    const hit = index.search(query)[0]!;
    expect([
      hit.line,
      hit.snippet,
      hit.highlights.map(([start, end]) => hit.snippet.slice(start, end)),
    ]).toEqual(expected);
  });

  it('finds front matter tags and aliases, and inline tags', () => {
    const tagged = new SearchIndex();
    const text = '---\ntags: [planning, okr]\naliases: [Quarter plan]\n---\nGoals. #draft\n';
    tagged.set(indexDocument('notes/q3.md', text, { size: 0, mtimeMs: 0, hash: '' }), text);
    expect(['okr quarter', 'draft', 'planning goals'].map((query) => tagged.search(query).length)).toEqual([
      1, 1, 1,
    ]);
  });

  it('limits hits and forgets removed documents', () => {
    const changed = searchIndex();
    changed.remove('specs/guest.md');
    expect([changed.search('guest', { limit: 1 }).map((hit) => hit.path), changed.size]).toEqual([
      ['stories/pay.md'],
      3,
    ]);
  });

  it('finds documents across segments after changes', () => {
    const many = new SearchIndex();
    const add = (path: string, text: string) =>
      many.set(indexDocument(path, text, { size: 0, mtimeMs: 0, hash: '' }), text);
    for (let number = 0; number < 600; number++) add(`notes/${number}.md`, `Note ${number} about apples.\n`);
    add('notes/7.md', 'Now about pears.\n');
    many.remove('notes/300.md');
    add('notes/599.md', 'Pears again.\n');
    add('notes/42.md', 'Pears in a note.\n');
    expect([
      many
        .search('pears')
        .map((hit) => hit.path)
        .sort(),
      many.search('apples', { limit: 1000 }).length,
      many.search('300 apples').length,
      many.search('pears note').map((hit) => hit.path),
    ]).toEqual([['notes/42.md', 'notes/599.md', 'notes/7.md'], 596, 0, ['notes/42.md']]);
  });

  it('cuts long lines around the match', () => {
    const changed = new SearchIndex();
    const text = `${'lorem '.repeat(100)}needle ${'ipsum '.repeat(100)}\n`;
    changed.set(indexDocument('a.md', text, { size: 0, mtimeMs: 0, hash: '' }), text);
    const hit = changed.search('needle')[0]!;
    expect([
      hit.snippet.length <= 170,
      hit.snippet.slice(hit.highlights[0]![0], hit.highlights[0]![1]),
    ]).toEqual([true, 'needle']);
  });

  it('asks its text source once, on the first search, for documents set without text', () => {
    const asked: string[][] = [];
    const lazy = new SearchIndex((paths) => {
      asked.push(paths);
      return new Map(paths.map((path) => [path, files[path]!]));
    });
    for (const [path, text] of Object.entries(files))
      lazy.set(
        indexDocument(path, text, { size: 0, mtimeMs: 0, hash: '' }),
        path === 'faqs/refunds.md' ? text : undefined,
      );
    const first = lazy.search('shoppers').map((hit) => [hit.path, hit.line]);
    const second = lazy.search('card').map((hit) => hit.path);
    expect([asked, first, second]).toEqual([
      [['specs/guest.md', 'stories/pay.md', 'notes/café.md']],
      [['specs/guest.md', 6]],
      ['faqs/refunds.md'],
    ]);
  });

  it('reports the line matching the query best, takes "quoted phrases" and keeps punctuation inside words', () => {
    const queries = new SearchIndex();
    const notes: Record<string, string> = {
      'notes/planner.md': `# Planner\n\nDeeply nested subqueries are slow.\n${'Filler.\n'.repeat(240)}A Nested Loop join reads both.\n`,
      'notes/scattered.md': '# Scattered\n\nA loop here.\n\nNested there.\n',
      'notes/limits.md': '# Limits\n\nSet memory.high to 2G.\n',
      'notes/cache.md': '# Cache\n\nAn in-memory cache with a high hit rate.\n',
    };
    for (const [path, text] of Object.entries(notes))
      queries.set(indexDocument(path, text, { size: 0, mtimeMs: 0, hash: '' }), text);
    const describe = (query: string) =>
      queries
        .search(query)
        .map(
          (hit) =>
            `${hit.path}:${hit.line} ${hit.snippet.slice(hit.highlights[0]![0], hit.highlights.at(-1)![1])}`,
        );
    expect([describe('Nested Loop'), describe('"nested loop"'), describe('memory.high')]).toEqual([
      ['notes/planner.md:244 Nested Loop', 'notes/scattered.md:3 loop'],
      ['notes/planner.md:244 Nested Loop'],
      ['notes/limits.md:3 memory.high'],
    ]);
  });
});
