import { describe, expect, it } from 'vitest';
import { NameResolver } from '../../shared/model/nameResolver.js';
import type { DocumentSummary } from '../../shared/contract/documentSummary.js';
import { linkNameFor, localLinkHash, localLinkProblem } from './nameLinkTarget.js';

describe('linkNameFor', () => {
  const names = new NameResolver(
    ['People/Dana.md', 'Plan.md', 'Notes/Plan.md', 'Archive/2025/Roadmap.md'].map((path) => ({ path })),
  );
  const cases: [string, string, string][] = [
    ['a unique file name', 'People/Dana.md', 'Dana'],
    ['a file name shared by two notes: the path', 'Notes/Plan.md', 'Notes/Plan'],
    ['a file name shared by two notes, from elsewhere', 'Plan.md', 'Plan'],
    ['a unique name deep in folders', 'Archive/2025/Roadmap.md', 'Roadmap'],
  ];
  it.each(cases)('%s', (_name, path, expected) => {
    expect(linkNameFor(names, path, 'Home.md')).toBe(expected);
  });
});

describe('localLinkHash', () => {
  const paths = ['Guide.md', 'docs/Setup Guide.md', 'chart.png'];
  const workspace = {
    names: new NameResolver(paths.map((path) => ({ path }))),
    byPath: new Map(
      paths
        .filter((path) => path.endsWith('.md'))
        .map((path) => [path, { path, title: path } as DocumentSummary] as const),
    ),
  };
  const cases: [string, string, string | undefined][] = [
    ['a heading of the same note', '#setup-steps', '#/doc/Guide.md?anchor=setup-steps'],
    [
      'a heading of another note',
      'docs/Setup%20Guide.md#limits',
      '#/doc/docs/Setup%20Guide.md?anchor=limits',
    ],
    ['another note, no heading', 'docs/Setup%20Guide.md', '#/doc/docs/Setup%20Guide.md'],
    ['a web address', 'https://example.com/#top', undefined],
    ['a file that is not a note', 'chart.png', undefined],
    ['a note that is not there', 'Nowhere.md#top', undefined],
  ];
  it.each(cases)('%s', (_name, href, expected) => {
    expect(localLinkHash(workspace, href, 'Guide.md')).toBe(expected);
  });
});

describe('localLinkProblem', () => {
  const names = new NameResolver(
    ['docs/api/Pool.md', 'Guide.md', 'a/Plan.md', 'b/Plan.md'].map((path) => ({ path })),
  );
  const cases: [string, string, string | undefined][] = [
    ['a note that is there', 'docs/api/Pool.md#options', undefined],
    ['a heading of this note', '#setup', undefined],
    ['a web address', 'https://example.com/x.md', undefined],
    ['outside the workspace', '../../README.md', undefined],
    [
      'no such file, none of that name',
      'drafts/missing.md',
      'Cannot open drafts/missing.md: not found in this workspace.',
    ],
    [
      'a site-root path, the file elsewhere',
      '/docs/docs/api/Pool.md#parameter-pooloptions',
      'Cannot open /docs/docs/api/Pool.md: not found in this workspace. There is docs/api/Pool.md: is that the one meant?',
    ],
    [
      'two files of that name',
      'notes/Plan.md',
      'Cannot open notes/Plan.md: not found in this workspace. There is a/Plan.md, b/Plan.md: is that the one meant?',
    ],
  ];
  it.each(cases)('%s', (_name, href, expected) => {
    expect(localLinkProblem({ names }, href, 'Guide.md')?.message).toBe(expected);
  });
});
