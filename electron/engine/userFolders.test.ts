import { describe, expect, it } from 'vitest';
import { serveTokenFile } from '../server/serveToken.js';
import { userFolder, workspaceFolderName } from './userFolders.js';

describe('userFolder', () => {
  const cases: [string, 'state' | 'config', NodeJS.ProcessEnv, NodeJS.Platform, string][] = [
    ['XDG config', 'config', { XDG_CONFIG_HOME: '/x/config' }, 'linux', '/x/config/specbench'],
    ['no XDG config', 'config', {}, 'linux', '/home/dana/.config/specbench'],
    ['XDG state', 'state', { XDG_STATE_HOME: '/x/state' }, 'linux', '/x/state/specbench'],
    [
      'macOS keeps both in Application Support',
      'config',
      {},
      'darwin',
      '/home/dana/Library/Application Support/Specbench',
    ],
    ['Windows config roams', 'config', { APPDATA: 'C:\\R' }, 'win32', 'C:\\R\\Specbench'],
    [
      'Windows state stays local',
      'state',
      { LOCALAPPDATA: 'C:\\L', APPDATA: 'C:\\R' },
      'win32',
      'C:\\L\\Specbench',
    ],
    ['Windows without variables', 'state', {}, 'win32', 'C:\\Users\\dana\\AppData\\Local\\Specbench'],
  ];
  it.each(cases)('%s', (_name, kind, environment, platform, expected) => {
    const home = platform === 'win32' ? 'C:\\Users\\dana' : '/home/dana';
    expect(userFolder(kind, environment, platform, home)).toEqual(expected);
  });
});

describe('serveTokenFile', () => {
  const hash = workspaceFolderName('/work/acme');
  it('is under the config folder, or SPECBENCH_CONFIG_DIR, named by the hash of the real path', () => {
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(serveTokenFile('/work/acme', {}, 'linux', '/home/dana')).toEqual(
      `/home/dana/.config/specbench/serve-tokens/${hash}`,
    );
    expect(serveTokenFile('/work/acme', { SPECBENCH_CONFIG_DIR: '/c' }, 'linux', '/home/dana')).toEqual(
      `/c/serve-tokens/${hash}`,
    );
    expect(serveTokenFile('/work/acme', { APPDATA: 'C:\\R' }, 'win32', 'C:\\Users\\dana')).toEqual(
      `C:\\R\\Specbench\\serve-tokens\\${hash}`,
    );
  });
});
