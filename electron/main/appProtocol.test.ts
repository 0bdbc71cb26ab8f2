import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetContentSecurityPolicy, contentSecurityPolicy } from '../server/serverSecurity.js';
import { appSchemePrivileges, isAppPage, isAppUrl, resolveAppRequest } from './appProtocol.js';

describe('appSchemePrivileges', () => {
  it('are exactly standard, secure, fetch and streaming (no bypassCSP, CORS or service workers)', () => {
    expect(appSchemePrivileges).toEqual({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      stream: true,
    });
  });
});

describe('isAppUrl', () => {
  const cases: [string, boolean][] = [
    ['specbench-app://app/index.html', true],
    ['SPECBENCH-APP://APP/index.html#/roadmap', true],
    ['specbench-app://evil/index.html', false],
    ['specbench-app://app:99/index.html', false],
    ['specbench-app://user@app/index.html', false],
    ['file:///app/index.html', false],
    ['http://127.0.0.1:3000/', false],
    ['not a url', false],
  ];
  it.each(cases)('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toEqual(expected);
  });
});

describe('isAppPage', () => {
  const cases: [string, boolean][] = [
    ['specbench-app://app/index.html', true],
    ['specbench-app://app/index.html#/doc/specs/a.md', true],
    ['specbench-app://app/', true],
    ['specbench-app://app/workspace-assets/assets/flow.svg', false],
    ['specbench-app://app/assets/index.js', false],
    ['specbench-app://app/index.html/..', true],
    ['specbench-app://app/index.htm', false],
    ['specbench-app://evil/index.html', false],
    ['blob:specbench-app://app/4f1c', false],
  ];
  it.each(cases)('%s → %s', (url, expected) => {
    expect(isAppPage(url)).toEqual(expected);
  });
});

describe('resolveAppRequest', () => {
  let base: string;
  let renderer: string;
  let workspace: string;
  beforeAll(async () => {
    base = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-protocol-'));
    renderer = path.join(base, 'renderer');
    workspace = path.join(base, 'workspace');
    await fs.mkdir(path.join(renderer, 'assets'), { recursive: true });
    await fs.mkdir(path.join(workspace, 'assets'), { recursive: true });
    await fs.writeFile(path.join(renderer, 'index.html'), '<!doctype html>');
    await fs.writeFile(path.join(renderer, 'assets', 'app.js'), '');
    await fs.writeFile(path.join(base, 'secret.txt'), 'secret');
    await fs.writeFile(path.join(workspace, 'assets', 'flow.png'), 'png');
    await fs.writeFile(path.join(workspace, 'notes.md'), '# notes');
    await fs.symlink(path.join(base, 'secret.txt'), path.join(renderer, 'leak.txt'));
  });
  afterAll(async () => {
    await fs.rm(base, { recursive: true, force: true });
  });

  const cases: [string, string | number][] = [
    ['specbench-app://app/', 'renderer/index.html'],
    ['specbench-app://app/index.html#/doc/specs/a.md', 'renderer/index.html'],
    ['specbench-app://app/assets/app.js?v=1', 'renderer/assets/app.js'],
    ['specbench-app://app/workspace-assets/assets/flow.png', 'workspace/assets/flow.png'],
    ['specbench-app://app/workspace-assets/notes.md', 404],
    ['specbench-app://app/..%2fsecret.txt', 400],
    ['specbench-app://app/%2e%2e%2fsecret.txt', 400],
    ['specbench-app://app/..%5csecret.txt', 400],
    ['specbench-app://app/index.html%00.png', 400],
    ['specbench-app://app/%252e%252e/secret.txt', 404],
    ['specbench-app://app/leak.txt', 404],
    ['specbench-app://app/missing.js', 404],
    ['specbench-app://other/index.html', 400],
    ['file:///etc/passwd', 400],
  ];
  const policies: [string, string, string][] = [
    ['the page', 'specbench-app://app/index.html', contentSecurityPolicy],
    ['a script', 'specbench-app://app/assets/app.js', contentSecurityPolicy],
    ['a workspace image', 'specbench-app://app/workspace-assets/assets/flow.png', assetContentSecurityPolicy],
  ];
  it.each(policies)('the policy sent with each kind of file: %s', async (_name, url, expected) => {
    const result = await resolveAppRequest(renderer, workspace, url);
    expect(result.ok ? result.contentSecurityPolicy : result.message).toEqual(expected);
  });

  it.each(cases)('%s → %s', async (url, expected) => {
    const result = await resolveAppRequest(renderer, workspace, url);
    const actual = result.ok ? path.relative(await fs.realpath(base), result.absolute) : result.status;
    expect(actual).toEqual(expected);
  });
});
