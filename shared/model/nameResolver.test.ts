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
    'namesakes in other folders: ambiguous, opening the shortest path as Obsidian does',
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
  ['the note at the exact path wins, silently', 'Plan', 'Notes/Home.md', found('Plan.md')],
  ['the exact path wins over a namesake in the linking folder', 'Plan', 'Notes/Deep/x.md', found('Plan.md')],
  [
    'a note in the linking folder wins over the others',
    'Settings',
    'Maya/Home.md',
    found('Maya/Settings.md'),
  ],
  ['a path ending chooses among namesakes', 'Old/Plan', 'Notes/Home.md', found('Archive/Old/Plan.md')],
  ['a relative path', './Settings', 'Maya/Notes.md', found('Maya/Settings.md')],
  ['an attachment in the linking folder wins', 'chart.png', 'Notes/Home.md', found('Notes/chart.png')],
  [
    'an attachment from elsewhere: ambiguous, the shortest path opens',
    'chart.png',
    'People/Dana.md',
    {
      kind: 'ambiguous',
      path: 'Help/chart.png',
      candidates: ['Help/chart.png', 'Notes/chart.png', 'Attachments/chart.png'],
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
});

describe("NameResolver follows Obsidian 1.13.7's getFirstLinkpathDest for a bare name", () => {
  const vault = new NameResolver(
    ['Note.md', 'b/Note.md', 'a/b/Note.md', 'zzzz/Note.md', 'zzzz/deep/Other.md'].map((path) => ({ path })),
  );
  const shortest = new NameResolver(['a/b/Note.md', 'zzzz/Note.md'].map((path) => ({ path })));
  const ownOverShallower = new NameResolver(['Top/Note.md', 'x/y/z/Note.md'].map((path) => ({ path })));
  const help = new NameResolver(
    [
      'Obsidian Publish/Security and privacy.md',
      'Obsidian Sync/Security and privacy.md',
      'Obsidian Sync/Headless Sync.md',
    ].map((path) => ({ path })),
  );
  it.each<[string, NameResolver, string, string, Resolution]>([
    ['1. the exact path: [[Note]] is Note.md at the root', vault, 'Note', 'b/x.md', found('Note.md')],
    ['1. the exact path: [[b/Note]] is b/Note.md', vault, 'b/Note', 'zzzz/x.md', found('b/Note.md')],
    [
      '2. the own folder wins; an ancestor folder counts for nothing',
      ownOverShallower,
      'Note',
      'x/y/z/Home.md',
      found('x/y/z/Note.md'),
    ],
    [
      '2. a folder above the linking note is no own folder',
      ownOverShallower,
      'Note',
      'x/y/z/deeper/Home.md',
      {
        kind: 'ambiguous',
        path: 'Top/Note.md',
        candidates: ['Top/Note.md', 'x/y/z/Note.md'],
      },
    ],
    [
      '3. the shortest path string, not the fewest folders',
      shortest,
      'Note',
      'Home.md',
      { kind: 'ambiguous', path: 'a/b/Note.md', candidates: ['a/b/Note.md', 'zzzz/Note.md'] },
    ],
    [
      'the help vault: Headless Sync means the Sync note beside it',
      help,
      'Security and privacy',
      'Obsidian Sync/Headless Sync.md',
      found('Obsidian Sync/Security and privacy.md'),
    ],
  ])('%s', (_case, resolver, target, from, expected) => {
    expect(resolver.resolve({ target, form: 'wiki' }, from)).toEqual(expected);
  });

  it('a namesake added elsewhere makes a bare link ambiguous rather than taking it over silently', () => {
    const before = new NameResolver([{ path: 'User interface/Settings.md' }]);
    const after = new NameResolver([{ path: 'User interface/Settings.md' }, { path: 'a/b/Settings.md' }]);
    expect(
      [before, after].map((resolver) => resolver.resolve({ target: 'Settings', form: 'wiki' }, 'Home.md')),
    ).toEqual([
      found('User interface/Settings.md'),
      {
        kind: 'ambiguous',
        path: 'a/b/Settings.md',
        candidates: ['a/b/Settings.md', 'User interface/Settings.md'],
      },
    ]);
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
