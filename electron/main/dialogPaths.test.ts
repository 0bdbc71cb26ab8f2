import { describe, expect, it } from 'vitest';
import { openWorkspaceDefaultPath } from './dialogPaths.js';

describe('openWorkspaceDefaultPath', () => {
  const folders = { documents: '/home/dana/Documents', userData: '/home/dana/.config/Specbench' };
  const cases: [string, string | undefined, string][] = [
    ['nothing open yet', undefined, '/home/dana/Documents'],
    ['a workspace open', '/home/dana/work/acme-checkout', '/home/dana/work'],
    ['the sample copy in userData', '/home/dana/.config/Specbench/Acme Checkout', '/home/dana/Documents'],
    [
      'a folder whose name only starts like userData',
      '/home/dana/.config/Specbench2/ws',
      '/home/dana/.config/Specbench2',
    ],
  ];
  it.each(cases)('%s', (_name, current, expected) => {
    expect(openWorkspaceDefaultPath(current, folders)).toEqual(expected);
  });
});
