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

  it('names nothing when the new namesake is elsewhere and the linked note sits beside the link', () => {
    const after = resolver([...Object.keys(texts), 'archive/Roadmap.md']);
    expect(takenOverLinks(entries(texts), before, after)).toEqual([]);
  });

  it('names the links a namesake elsewhere makes ambiguous, whichever note they now open', () => {
    const taken = (added: string) =>
      takenOverLinks(entries(texts), before, resolver([...Object.keys(texts), added])).map(
        ({ path, was, now, ambiguous }) => [path, was, now, ambiguous],
      );
    // Obsidian opens the shortest path: the old note for a longer one, the new one for a shorter.
    expect([taken('archive/old/Pricing.md')[0], taken('a/Pricing.md')[0]]).toEqual([
      ['Home.md', 'notes/Pricing.md', 'notes/Pricing.md', true],
      ['Home.md', 'notes/Pricing.md', 'a/Pricing.md', true],
    ]);
  });

  it('names an ambiguous link when the note it opens changes, and not when it stays', () => {
    const twice = resolver([...Object.keys(texts), 'archive/Pricing.md']);
    const root = resolver([...Object.keys(texts), 'archive/Pricing.md', 'Pricing.md']);
    const third = resolver([...Object.keys(texts), 'archive/Pricing.md', 'zzz/old/Pricing.md']);
    expect([
      takenOverLinks(entries(texts), twice, root).map(({ was, now, ambiguous }) => [was, now, ambiguous])[0],
      takenOverLinks(entries(texts), twice, third),
    ]).toEqual([['notes/Pricing.md', 'Pricing.md', false], []]);
  });
});
