import { describe, expect, it } from 'vitest';
import { renderDocumentHtml } from './documentHtml.js';

const render = (body: string): string =>
  renderDocumentHtml(body, 'notes/a.md', '1', { root: '/nowhere', anchors: new Map(), titles: new Map() })
    .html.replace(/\n/g, '')
    .replace(/ dir="auto"/g, '');

const box = (state: string, label: string) =>
  `<span class="checkbox" data-task="${state}" role="img" aria-label="${label}"></span> `;

describe('task boxes in the export', () => {
  const cases: [string, string, string][] = [
    [
      'the states Obsidian themes draw, as boxes holding their character',
      '- [/] half done\n- [-] dropped\n- [>] moved\n',
      `<ul><li>${box('/', 'in progress')}half done</li><li>${box('-', 'cancelled')}dropped</li><li>${box('&gt;', 'deferred')}moved</li></ul>`,
    ],
    [
      'ordinary boxes as before, beside a custom one',
      '- [ ] open\n- [x] done\n- [?] why\n',
      '<ul><li><span class="checkbox" role="img" aria-label="to do"></span> open</li><li><span class="checkbox checked" role="img" aria-label="done"></span> done</li>' +
        `<li>${box('?', 'question')}why</li></ul>`,
    ],
    [
      'a loose item, its box inside its first paragraph, the rest of the line kept',
      '- [!] important **now**\n\n  more\n',
      `<ul><li><p>${box('!', 'important')}important <strong>now</strong></p><p>more</p></li></ul>`,
    ],
    ['a reference number is not a box', '- [1] Smith, 2019\n', '<ul><li>[1] Smith, 2019</li></ul>'],
    ['a box with no text after it stays text', '- [/]\n', '<ul><li>[/]</li></ul>'],
  ];
  it.each(cases)('%s', (_name, markdown, expected) => {
    expect(render(markdown)).toEqual(expected);
  });
});
