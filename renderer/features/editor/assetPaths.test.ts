import { describe, it, expect } from 'vitest';
import { displaySource, relativeAssetLink } from './assetPaths.js';

describe('asset paths', () => {
  const cases: [string, string, string][] = [
    ['link from a spec', relativeAssetLink('specs/a.md', 'assets/x.png'), '../assets/x.png'],
    ['link from the root', relativeAssetLink('notes.md', 'assets/x.png'), 'assets/x.png'],
    ['link with a space', relativeAssetLink('specs/a.md', 'assets/my shot.png'), '../assets/my%20shot.png'],
    ['display relative', displaySource('../assets/x.png', 'specs/a.md'), 'workspace-assets/assets/x.png'],
    [
      'display encoded',
      displaySource('../assets/my%20shot.png', 'specs/a.md'),
      'workspace-assets/assets/my%20shot.png',
    ],
    ['escaping the workspace', displaySource('../../etc/passwd.png', 'specs/a.md'), ''],
    ['remote is off', displaySource('https://example.com/x.png', 'specs/a.md'), ''],
    ['javascript is off', displaySource('javascript:alert(1)', 'specs/a.md'), ''],
    ['svg data is off', displaySource('data:image/svg+xml,<svg/>', 'specs/a.md'), ''],
  ];
  it.each(cases)('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});
