import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bundleStyles } from './bundleStyles.js';
import { chromiumExecutablePath, chromiumLaunchArguments } from './chromiumLaunch.js';
import { renderDocumentHtml } from './documentHtml.js';

const render = (body: string): string =>
  renderDocumentHtml(body, 'notes/a.md', '1', { root: '/nowhere', anchors: new Map(), titles: new Map() })
    .html.replace(/\n/g, '')
    .replace(/ dir="auto"/g, '')
    .replace(/<li class="task">/g, '<li>');

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

describe('a list mixing bullets and tasks in the export', () => {
  const mixed =
    '- Milestones\n    - Beta opens\n- Dependencies\n\n- [ ] Draft announcement\n- [x] Legal review\n';

  it('marks only the task items as tasks', () => {
    const html = renderDocumentHtml(mixed, 'notes/a.md', '1', {
      root: '/nowhere',
      anchors: new Map(),
      titles: new Map(),
    }).html;
    expect(
      [...html.matchAll(/<li( class="task")?[^>]*>(?:<[^>]*>|\s)*(\w+)/g)].map(
        (match) => `${match[2]}${match[1] ? ' (task)' : ''}`,
      ),
    ).toEqual(['Milestones', 'Beta', 'Dependencies', 'Draft (task)', 'Legal (task)']);
  });

  it('prints bullets beside the plain items, none beside the boxes', async () => {
    const html = renderDocumentHtml(mixed, 'notes/a.md', '1', {
      root: '/nowhere',
      anchors: new Map(),
      titles: new Map(),
    }).html;
    const browser = await chromium.launch({
      executablePath: chromiumExecutablePath(),
      args: chromiumLaunchArguments,
    });
    try {
      const page = await browser.newPage();
      await page.setContent(`<!doctype html><style>${bundleStyles}</style>${html}`);
      // Evaluated in the page (this file's types know no DOM).
      const markers = await page.evaluate(
        "[...document.querySelectorAll('li')].map((item) => getComputedStyle(item).listStyleType)",
      );
      expect(markers).toEqual(['disc', 'circle', 'disc', 'none', 'none']);
    } finally {
      await browser.close();
    }
  });

  it('prints a plain bullet nested under a task beside its text, not over it', async () => {
    const nested = '- Findings\n    - [x] Send survey\n        - follow-up notes\n';
    const { html } = renderDocumentHtml(nested, 'notes/a.md', '1', {
      root: '/nowhere',
      anchors: new Map(),
      titles: new Map(),
    });
    const browser = await chromium.launch({
      executablePath: chromiumExecutablePath(),
      args: chromiumLaunchArguments,
    });
    try {
      const page = await browser.newPage();
      await page.setContent(`<!doctype html><style>${bundleStyles}</style>${html}`);
      const item = await page.evaluate(
        "(() => { const item = [...document.querySelectorAll('li')].find((li) => li.textContent === 'follow-up notes'); const style = getComputedStyle(item); return [style.listStyleType, style.textIndent]; })()",
      );
      expect(item).toEqual(['square', '0px']);
    } finally {
      await browser.close();
    }
  });
});
