import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
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

interface BuilderTarget {
  name: string;
  checkOptions(): Promise<unknown>;
}
interface PlatformPackager {
  appInfo: { productName: string };
}
const { Packager } = require('app-builder-lib/out/packager.js') as {
  Packager: new (options: { projectDir: string; config: string }) => {
    metadata: { author?: unknown; homepage?: string; productName?: string };
    validateConfig(): Promise<void>;
    createHelper(platform: unknown): Promise<PlatformPackager>;
    tempDirManager: { cleanup(): Promise<void> };
  };
};
const { AppInfo } = require('app-builder-lib/out/appInfo.js') as {
  AppInfo: new (info: unknown, version: null) => unknown;
};
const { Platform } = require('app-builder-lib/out/core.js') as {
  Platform: Record<'LINUX' | 'MAC' | 'WINDOWS', unknown>;
};
const { Arch } = require('builder-util') as { Arch: { x64: number } };
const targetFactory = require('app-builder-lib/out/targets/targetFactory.js') as {
  computeArchToTargetNamesMap(
    raw: Map<number, string[]>,
    packager: PlatformPackager,
    platform: unknown,
  ): Map<number, string[]>;
  createTargets(
    known: Map<string, BuilderTarget>,
    names: string[],
    outDir: string,
    packager: PlatformPackager,
  ): BuilderTarget[];
};

/**
 * electron-builder's own checks, run offline: the package metadata (validateConfig: checkMetadata and the
 * schema), then each Linux target's checkOptions, which for deb is what `npm run dist` reaches only after
 * downloading Electron and packing the app ("Please specify project homepage").
 */
async function builderChecks(): Promise<{
  targets: Record<string, string>;
  productName: string;
  packaged: unknown;
}> {
  const packager = new Packager({ projectDir: fileURLToPath(root), config: 'electron-builder.yml' });
  try {
    await packager.validateConfig();
    // What Packager.build sets next, before it would start packing.
    (packager as unknown as { _appInfo: unknown })._appInfo = new AppInfo(packager, null);
    const linux = await packager.createHelper(Platform.LINUX);
    const names = targetFactory.computeArchToTargetNamesMap(new Map([[Arch.x64, []]]), linux, Platform.LINUX);
    const targets = targetFactory.createTargets(new Map(), names.get(Arch.x64) ?? [], os.tmpdir(), linux);
    const outcomes: Record<string, string> = {};
    for (const target of targets) {
      outcomes[target.name] = await target.checkOptions().then(
        () => 'ok',
        (error: Error) => error.message,
      );
    }
    const { author, homepage, productName } = packager.metadata;
    return {
      targets: outcomes,
      productName: linux.appInfo.productName,
      packaged: { author: author !== undefined, homepage: typeof homepage, productName },
    };
  } finally {
    await packager.tempDirManager.cleanup();
  }
}

describe('electron-builder.yml', () => {
  it('matches electron-builder’s own schema', async () => {
    const outcome = await validateConfiguration(config, { isEnabled: false, add: () => undefined }).then(
      () => 'valid',
      (error: Error) => error.message,
    );
    expect(outcome).toEqual('valid');
  });

  it('passes electron-builder’s own metadata and Linux target checks (deb needs a homepage)', async () => {
    expect(await builderChecks()).toEqual({
      targets: { appImage: 'ok', deb: 'ok' },
      productName: 'Specbench',
      // Electron names the app (menus, userData, the single-instance lock) from the packaged package.json,
      // into which electron-builder copies package.json's fields, not electron-builder.yml's productName.
      packaged: { author: true, homepage: 'string', productName: 'Specbench' },
    });
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
