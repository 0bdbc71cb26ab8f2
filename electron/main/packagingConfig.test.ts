import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

const root = new URL('../../', import.meta.url);
const config = YAML.parse(readFileSync(new URL('electron-builder.yml', root), 'utf8')) as {
  files: string[];
  linux: { target: string[]; icon: string };
  mac: { target: string; icon: string };
  win: { target: string; icon: string };
};
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};

describe('electron-builder.yml', () => {
  it('matches electron-builder’s own schema', async () => {
    const outcome = await validateConfiguration(config, { isEnabled: false, add: () => undefined }).then(
      () => 'valid',
      (error: Error) => error.message,
    );
    expect(outcome).toEqual('valid');
  });

  it('targets AppImage and deb, dmg and nsis', () => {
    expect([config.linux.target, config.mac.target, config.win.target]).toEqual([
      ['AppImage', 'deb'],
      'dmg',
      'nsis',
    ]);
  });

  it('ships the main process, the preload and the renderer', () => {
    expect(
      ['dist/electron/**/*', 'dist/renderer/**/*'].every((pattern) => config.files.includes(pattern)),
    ).toEqual(true);
  });

  it('points every platform at a square PNG icon of at least 512 pixels', () => {
    const icons = [...new Set([config.linux.icon, config.mac.icon, config.win.icon])];
    const sizes = icons.map((icon) => {
      const png = readFileSync(new URL(icon, root));
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    });
    expect(sizes.map(([width, height]) => width === height && width! >= 512)).toEqual([true]);
  });
});
