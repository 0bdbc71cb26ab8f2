import { describe, expect, it } from 'vitest';
import { folderArgument } from './commandLine.js';

describe('folderArgument', () => {
  const app = '/opt/specbench';
  const cases: [string, string[], string | undefined][] = [
    ['packaged, no folder', ['/opt/specbench/specbench'], undefined],
    ['packaged with a folder', ['/opt/specbench/specbench', '/home/dana/specs'], '/home/dana/specs'],
    ['development: electron .', ['/usr/bin/electron', '.'], undefined],
    [
      'development with a relative folder',
      ['/usr/bin/electron', '.', 'samples/x'],
      '/opt/specbench/samples/x',
    ],
    [
      'Playwright’s switches come first',
      ['/usr/bin/electron', '--inspect=0', '--remote-debugging-port=0', '/opt/specbench', '/tmp/workspace'],
      '/tmp/workspace',
    ],
    ['Chromium switches are skipped', ['/usr/bin/electron', '/opt/specbench', '--no-sandbox'], undefined],
  ];
  it.each(cases)('%s', (_name, argv, expected) => {
    expect(folderArgument(argv, app, '/opt/specbench')).toEqual(expected);
  });
});
