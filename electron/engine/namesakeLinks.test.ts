import { describe, expect, it } from 'vitest';
import { NameResolver } from '../../shared/model/nameResolver.js';
import { indexDocument } from './indexDocument.js';
import { pathFormRewrites, takenOverLinks } from './namesakeLinks.js';
import { applyEdits } from './renameLinks.js';

const texts: Record<string, string> = {
  'Home.md': 'See [[Pricing]], [[Pricing#Tiers|the tiers]], ![[Pricing]] and [[Pricing.md]].\n',
  'notes/Pricing.md': '# Tiers\n',
  'notes/Other.md': 'Pinned: [[notes/Pricing]]; [md](Pricing.md); [[Roadmap]].\n',
  'notes/Roadmap.md': 'Q3.\n',
};
const entries = (files: Record<string, string>) =>
  Object.entries(files).map(([path, text]) => indexDocument(path, text, { size: 0, mtimeMs: 0, hash: '' }));
const resolver = (paths: string[]) => new NameResolver(paths.map((path) => ({ path })));

describe('links a new namesake would take over', () => {
  const before = resolver(Object.keys(texts));

  it('names every bare [[Pricing]] that a root-level Pricing.md now takes, and pins each in path form', () => {
    const after = resolver([...Object.keys(texts), 'Pricing.md']);
    const taken = takenOverLinks(entries(texts), before, after);
    const rewritten = pathFormRewrites(taken, (path) => texts[path]).map((rewrite) =>
      applyEdits(texts[rewrite.path]!, rewrite.edits),
    );
    expect({
      taken: taken.map(({ path, link, was, now, ambiguous }) => [path, link.line, was, now, ambiguous]),
      rewritten,
    }).toEqual({
      taken: [
        ['Home.md', 1, 'notes/Pricing.md', 'Pricing.md', false],
        ['Home.md', 1, 'notes/Pricing.md', 'Pricing.md', false],
        ['Home.md', 1, 'notes/Pricing.md', 'Pricing.md', false],
        ['Home.md', 1, 'notes/Pricing.md', 'Pricing.md', false],
      ],
      rewritten: [
        'See [[notes/Pricing]], [[notes/Pricing#Tiers|the tiers]], ![[notes/Pricing]] and [[notes/Pricing.md]].\n',
      ],
    });
  });

  it('names links that a namesake as deep as their note makes ambiguous', () => {
    const after = resolver([...Object.keys(texts), 'archive/Roadmap.md']);
    const taken = takenOverLinks(entries(texts), before, after);
    expect(taken.map(({ path, was, now, ambiguous }) => [path, was, now, ambiguous])).toEqual([
      ['notes/Other.md', 'notes/Roadmap.md', 'archive/Roadmap.md', true],
    ]);
  });

  it('names nothing when a deeper namesake leaves every link where it led', () => {
    const after = resolver([...Object.keys(texts), 'archive/old/Pricing.md']);
    expect(takenOverLinks(entries(texts), before, after)).toEqual([]);
  });
});
