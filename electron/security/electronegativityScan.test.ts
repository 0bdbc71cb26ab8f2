import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanWithElectronegativity } from './electronegativityScan.js';

const projectRoot = path.join(import.meta.dirname, '..', '..');
const electronVersion = (
  JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  }
).devDependencies.electron!;

describe('Electronegativity over electron/', () => {
  it('finds nothing of high or medium severity that is not explained in place, and reads every file', async () => {
    const result = await scanWithElectronegativity(path.join(projectRoot, 'electron'), electronVersion);
    const serious = result.findings.filter(({ severity }) => severity === 'HIGH' || severity === 'MEDIUM');
    console.log(
      `Electronegativity: ${result.checks} checks over ${result.files} files as Electron ${electronVersion}; ` +
        `${result.findings.length} findings, ${serious.length} high or medium`,
    );
    expect({ serious, unreadable: result.unreadable }).toEqual({ serious: [], unreadable: [] });
  }, 120_000);
});

describe('the scan notices misconfigurations (so the test above can fail)', () => {
  let base: string;
  beforeAll(async () => {
    base = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-electronegativity-'));
  });
  afterAll(async () => {
    await fs.rm(base, { recursive: true, force: true });
  });

  const insecureWindow = `import { BrowserWindow, shell } from 'electron';
const window = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false, nodeIntegration: true } });
export function open(url: string) {
  return shell.openExternal(url);
}
`;
  const globalGaps = ['LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK'];
  const cases: [string, string, string[]][] = [
    [
      'an insecure window, an unchecked openExternal, no navigation or permission handlers',
      insecureWindow,
      [
        'AUXCLICK_JS_CHECK',
        'CONTEXT_ISOLATION_JS_CHECK',
        'OPEN_EXTERNAL_JS_CHECK',
        'SANDBOX_JS_CHECK',
        ...globalGaps,
      ].sort(),
    ],
    [
      'the same with each line explained by eng-disable (the missing handlers are still reported)',
      insecureWindow
        .replace(
          '} });',
          '} }); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK',
        )
        .replace('openExternal(url);', 'openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK'),
      globalGaps,
    ],
    [
      'a secure window with navigation and permission handlers',
      `import { app, BrowserWindow, session } from 'electron';
new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, disableBlinkFeatures: 'Auxclick' } });
session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});
`,
      [],
    ],
  ];
  it.each(cases)(
    '%s',
    async (name, source, expected) => {
      const folder = path.join(base, name.replace(/\W+/g, '-'));
      await fs.mkdir(folder);
      await fs.writeFile(path.join(folder, 'window.ts'), source);
      const result = await scanWithElectronegativity(folder, electronVersion);
      const ids = result.findings
        .filter(({ severity }) => severity === 'HIGH' || severity === 'MEDIUM')
        .map(({ id }) => id)
        .sort();
      expect(ids).toEqual(expected);
    },
    60_000,
  );
});
