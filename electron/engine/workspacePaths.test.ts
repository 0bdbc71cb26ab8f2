import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside, slugify, toWorkspacePath } from './workspacePaths.js';

function workspaceWithLinks(): string {
  const parent = mkdtempSync(path.join(tmpdir(), 'specbench-paths-'));
  const root = path.join(parent, 'workspace');
  const outside = path.join(parent, 'outside');
  mkdirSync(path.join(root, 'specs'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(root, 'specs', 'a.md'), 'inside');
  writeFileSync(path.join(outside, 'secret.md'), 'secret');
  symlinkSync(outside, path.join(root, 'out'));
  symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'secret.md'));
  symlinkSync(path.join(root, 'specs'), path.join(root, 'in'));
  return root;
}

describe('resolveInside', () => {
  const root = workspaceWithLinks();
  const cases: [string, string][] = [
    ['specs/a.md', 'ok specs/a.md'],
    ['specs/new-file.md', 'ok specs/new-file.md'],
    ['new-folder/deeper/b.md', 'ok new-folder/deeper/b.md'],
    ['./specs//a.md', 'ok specs/a.md'],
    ['..%2fsecret.md', 'ok ..%2fsecret.md'],
    ['..', 'outside-workspace'],
    ['../outside/secret.md', 'outside-workspace'],
    ['a/../../b', 'outside-workspace'],
    ['a/../b.md', 'outside-workspace'],
    ['/etc/passwd', 'outside-workspace'],
    ['C:/Windows/win.ini', 'outside-workspace'],
    ['specs\\a.md', 'invalid-path'],
    ['CON', 'invalid-path'],
    ['aux.md', 'invalid-path'],
    ['specs/Com1.txt.md', 'invalid-path'],
    ['lpt9', 'invalid-path'],
    ['console.md', 'ok console.md'],
    ['name.', 'invalid-path'],
    ['folder./a.md', 'invalid-path'],
    ['trailing ', 'invalid-path'],
    ['a\0.md', 'invalid-path'],
    ['line\nbreak.md', 'invalid-path'],
    ['', 'invalid-path'],
    ['./', 'invalid-path'],
    ['out/secret.md', 'outside-workspace'],
    ['out/not-yet-there.md', 'outside-workspace'],
    ['secret.md', 'outside-workspace'],
    ['in/a.md', 'ok in/a.md'],
  ];
  it.each(cases)('%j → %s', (relativePath, expected) => {
    const result = resolveInside(root, relativePath);
    const outcome = result.ok ? `ok ${toWorkspacePath(root, result.absolute)}` : result.error;
    expect(outcome).toBe(expected);
  });

  it('gives one clear sentence for every refusal', () => {
    const messages = cases
      .map(([relativePath]) => resolveInside(root, relativePath))
      .filter((result) => !result.ok)
      .map((result) => (result.ok ? '' : result.message))
      .filter((message) => !/^[^\n]+\.$/.test(message));
    expect(messages).toEqual([]);
  });

  it('accepts a workspace whose own path goes through a symbolic link', () => {
    const real = realpathSync(root);
    const linked = path.join(path.dirname(real), 'linked-workspace');
    symlinkSync(real, linked);
    const result = resolveInside(linked, 'specs/a.md');
    expect(result).toEqual({ ok: true, absolute: path.join(linked, 'specs', 'a.md') });
  });
});

describe('toWorkspacePath', () => {
  const cases: [string, string, string][] = [
    ['/w', '/w/specs/a.md', 'specs/a.md'],
    ['/w/', '/w/a.md', 'a.md'],
    ['/w', '/w/deep/er/x.md', 'deep/er/x.md'],
  ];
  it.each(cases)('%s + %s → %s', (root, absolute, expected) => {
    expect(toWorkspacePath(root, absolute)).toBe(expected);
  });
});

describe('slugify', () => {
  const cases: [string, string][] = [
    ['Guest checkout', 'guest-checkout'],
    ['  Pay as a guest!  ', 'pay-as-a-guest'],
    ['Paiement invité — étape 2', 'paiement-invite-etape-2'],
    ["Shopper's cart", 'shoppers-cart'],
    ['Straße', 'strasse'],
    ['ゲスト決済', 'ゲスト決済'],
    ['../../etc/passwd', 'etc-passwd'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a-b-c-d-e-f-g-h-i-j'],
    ['', 'untitled'],
    ['!!!', 'untitled'],
    ['CON', 'con-document'],
    ['Nul', 'nul-document'],
    ['com1', 'com1-document'],
    ['Trailing dot.', 'trailing-dot'],
    ['x'.repeat(100), 'x'.repeat(80)],
    [`${'word '.repeat(30)}end`, Array(16).fill('word').join('-')],
  ];
  it.each(cases)('%j → %j', (title, expected) => {
    expect(slugify(title)).toBe(expected);
  });
});
