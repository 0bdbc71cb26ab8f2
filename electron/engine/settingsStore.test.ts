import { describe, it, expect } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSettings } from './settingsStore.js';
import { settingsSchema } from '../../shared/model/settingsModel.js';

async function workspaceWith(text: string | undefined): Promise<string> {
  // The folder's own name is the name of a workspace whose settings give none.
  const root = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-settings-')), 'Product notes');
  await fs.mkdir(root);
  if (text !== undefined) await fs.writeFile(path.join(root, 'specbench.json'), text);
  return root;
}

describe('readSettings', () => {
  const defaults = settingsSchema.parse({ name: 'Product notes' });
  const cases: { name: string; text: string | undefined; expected: unknown }[] = [
    {
      name: 'missing file gives the defaults, named after the folder',
      text: undefined,
      expected: { ok: true, settings: defaults },
    },
    {
      name: 'a file without a name: named after the folder',
      text: '{ "rules": { "broken-link": "warning" } }',
      expected: { ok: true, settings: { ...defaults, rules: { 'broken-link': 'warning' } } },
    },
    {
      name: 'a valid file, with a BOM',
      text: '\uFEFF{ "name": "Acme", "rules": { "broken-link": "warning" } }',
      expected: { ok: true, settings: { ...defaults, name: 'Acme', rules: { 'broken-link': 'warning' } } },
    },
    {
      name: 'invalid JSON names the line',
      text: '{\n  "name": "Acme",\n}\n',
      expected: {
        ok: false,
        error: 'invalid-settings',
        message: 'specbench.json is not valid JSON (line 3): Expected double-quoted property name.',
      },
    },
    {
      name: 'an empty file',
      text: '',
      expected: {
        ok: false,
        error: 'invalid-settings',
        message: 'specbench.json is not valid JSON (line 1): Unexpected end of JSON input.',
      },
    },
    {
      name: 'a bad severity names the rule',
      text: '{ "rules": { "broken-link": "fatal" } }',
      expected: {
        ok: false,
        error: 'invalid-settings',
        message: 'specbench.json: rules.broken-link must be one of "error", "warning", "info", "off".',
      },
    },
    {
      name: 'a misspelled rule id',
      text: '{ "rules": { "broken-links": "off" } }',
      expected: {
        ok: false,
        error: 'invalid-settings',
        message: 'specbench.json: rules has unknown field "broken-links".',
      },
    },
    {
      name: 'a misspelled top-level field',
      text: '{ "rule": {} }',
      expected: {
        ok: false,
        error: 'invalid-settings',
        message: 'specbench.json has unknown field "rule".',
      },
    },
    {
      name: 'a bad prefix',
      text: '{ "prefixes": { "spec": "spec" } }',
      expected: {
        ok: false,
        error: 'invalid-settings',
        message: 'specbench.json: prefixes.spec must match pattern /^[A-Z][A-Z0-9]*$/.',
      },
    },
    {
      name: 'not an object',
      text: '[]',
      expected: {
        ok: false,
        error: 'invalid-settings',
        message: 'specbench.json must be an object.',
      },
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, async () => {
      expect(await readSettings(await workspaceWith(testCase.text))).toEqual(testCase.expected);
    });
  }

  it('a folder named specbench.json cannot be read', async () => {
    const root = await workspaceWith(undefined);
    await fs.mkdir(path.join(root, 'specbench.json'));
    expect(await readSettings(root)).toEqual({
      ok: false,
      error: 'invalid-settings',
      message: 'specbench.json cannot be read (EISDIR).',
    });
  });
});
