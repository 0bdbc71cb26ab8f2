import { describe, expect, it } from 'vitest';
import { foundPath, locateImageSource, NameResolver, type Resolution } from './nameResolver.js';

const documents = [
  'User interface/Settings.md',
  'Maya/Settings.md',
  'Archive/Old/Plan.md',
  'Plan.md',
  'Notes/Deep/Plan.md',
  'Notes/Home.md',
  'People/Dana.md',
  'Help/Callouts.md',
].map((path) => ({ path, aliases: path === 'People/Dana.md' ? ['Dana S.'] : [] }));
const otherFiles = ['Attachments/chart.png', 'Notes/chart.png', 'Help/chart.png'];
const names = new NameResolver(documents, otherFiles);

const cases: [string, string, string, Resolution][] = [
  [
    'two notes as deep as each other: ambiguous, opening the first by path as Obsidian does',
    'Settings',
    'Notes/Home.md',
    {
      kind: 'ambiguous',
      path: 'Maya/Settings.md',
      candidates: ['Maya/Settings.md', 'User interface/Settings.md'],
    },
  ],
  [
    'a path-qualified link chooses one',
    'User interface/Settings',
    'Notes/Home.md',
    found('User interface/Settings.md'),
  ],
  ['the note nearest the root wins, silently', 'Plan', 'Notes/Home.md', found('Plan.md')],
  [
    'a note in the linking folder does not win over a shallower one',
    'Plan',
    'Notes/Deep/x.md',
    found('Plan.md'),
  ],
  ['a path ending chooses among namesakes', 'Old/Plan', 'Notes/Home.md', found('Archive/Old/Plan.md')],
  ['a relative path', './Settings', 'Maya/Notes.md', found('Maya/Settings.md')],
  ['an attachment under the linking folder wins', 'chart.png', 'Notes/Home.md', found('Notes/chart.png')],
  [
    'an attachment from elsewhere: two as deep, ambiguous',
    'chart.png',
    'People/Dana.md',
    {
      kind: 'ambiguous',
      path: 'Attachments/chart.png',
      candidates: ['Attachments/chart.png', 'Help/chart.png', 'Notes/chart.png'],
    },
  ],
  ['case does not matter', 'callouts', 'Notes/Home.md', found('Help/Callouts.md')],
  ['an alias', 'dana s.', 'Notes/Home.md', found('People/Dana.md')],
  ['nothing by that name', 'Nowhere', 'Notes/Home.md', { kind: 'missing' }],
];

function found(path: string): Resolution {
  return { kind: 'found', path };
}

describe('NameResolver picks among notes with the same name as Obsidian does', () => {
  it.each(cases)('%s', (_case, target, from, expected) => {
    expect(names.resolve({ target, form: 'wiki' }, from)).toEqual(expected);
  });

  it('adding a deeper namesake never takes a link over', () => {
    const before = new NameResolver([{ path: 'User interface/Settings.md' }]);
    const after = new NameResolver([
      { path: 'User interface/Settings.md' },
      { path: 'Maya/Drafts/Settings.md' },
    ]);
    expect(
      [before, after].map((resolver) => resolver.resolve({ target: 'Settings', form: 'wiki' }, 'Home.md')),
    ).toEqual([found('User interface/Settings.md'), found('User interface/Settings.md')]);
  });
});

describe('NameResolver reads a site-root Markdown link from the repository root, as GitHub does', () => {
  const repositoryDocs = new NameResolver([{ path: 'api/Client.md' }, { path: 'index.md' }], [], 'docs');
  const docsFiles = [{ path: 'docs/api/Client.md' }, { path: 'README.md' }];
  const docsSite = new NameResolver(docsFiles, [], '', 'docs');
  const notDocs = new NameResolver(docsFiles, [], '', 'site');
  it.each<[string, NameResolver, string, Resolution]>([
    ['the workspace is the repository', names, '/Notes/Home.md', found('Notes/Home.md')],
    ['from the workspace root, not the linking folder', names, '/Plan.md', found('Plan.md')],
    ['a path nothing is at', names, '/Notes/Gone.md', { kind: 'missing' }],
    [
      'the workspace is a folder of the repository',
      repositoryDocs,
      '/docs/api/Client.md',
      found('api/Client.md'),
    ],
    ['a file of that folder that is not there', repositoryDocs, '/docs/api/Gone.md', { kind: 'missing' }],
    ['a file of the repository outside the folder', repositoryDocs, '/README.md', { kind: 'outside' }],
    [
      'a folder named docs, from the folder holding it',
      docsSite,
      '/docs/docs/api/Client.md',
      found('docs/api/Client.md'),
    ],
    ['a folder named docs, its own top file', docsSite, '/docs/README.md', found('README.md')],
    [
      'a folder named docs, from its own root first',
      docsSite,
      '/docs/api/Client.md',
      found('docs/api/Client.md'),
    ],
    ['a folder named docs, a file not there', docsSite, '/docs/docs/api/Gone.md', { kind: 'missing' }],
    ['a folder named docs, another first folder', docsSite, '/site/README.md', { kind: 'missing' }],
    [
      'another folder name reads from its root only',
      notDocs,
      '/docs/docs/api/Client.md',
      { kind: 'missing' },
    ],
  ])('%s', (_case, resolver, target, expected) => {
    expect(resolver.resolve({ target, form: 'markdown' }, 'Notes/Deep/x.md')).toEqual(expected);
  });
});

describe('NameResolver finds an attachment written with no folder by its file name, as Obsidian does', () => {
  const vault = new NameResolver(
    [{ path: 'Bases/Table view.md' }],
    ['Attachments/bases-noshadow.png', 'Attachments/chart.png', 'Help/chart.png'],
  );
  it.each<[string, string, Resolution]>([
    ['one file of that name, anywhere', 'bases-noshadow.png', found('Attachments/bases-noshadow.png')],
    ['several of that name stay missing', 'chart.png', { kind: 'missing' }],
    ['a path with a folder is a path', 'Images/bases-noshadow.png', { kind: 'missing' }],
    ['a note is no attachment', 'Table view.md', { kind: 'missing' }],
  ])('%s', (_case, target, expected) => {
    expect(vault.resolve({ target, form: 'markdown' }, 'Guides/Start.md')).toEqual(expected);
  });

  it.each([
    ['bases-noshadow.png#interface', '/Attachments/bases-noshadow.png'],
    ['chart.png', 'chart.png'],
    ['../Attachments/chart.png', '../Attachments/chart.png'],
    ['https://example.com/bases-noshadow.png', 'https://example.com/bases-noshadow.png'],
  ])('the editor and exports show %s from %s', (source, expected) => {
    expect(locateImageSource(source, foundPath(vault, 'Guides/Start.md'))).toBe(expected);
  });
});
