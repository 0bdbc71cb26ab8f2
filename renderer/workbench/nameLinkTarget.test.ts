import { describe, expect, it } from 'vitest';
import { NameResolver } from '../../shared/model/nameResolver.js';
import { linkNameFor } from './nameLinkTarget.js';

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
