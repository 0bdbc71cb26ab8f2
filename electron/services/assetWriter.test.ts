import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveAsset } from './assetWriter.js';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>').toString('base64');
const html = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-assets-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('saveAsset', () => {
  const cases: [string, string, string, string][] = [
    ['a PNG', 'Checkout Flow.png', png, 'assets/checkout-flow.png'],
    ['an SVG', 'diagram.svg', svg, 'assets/diagram.svg'],
    ['upper-case extension', 'SHOT.PNG', png, 'assets/shot.png'],
    ['a path in the name is flattened', '../../etc/evil.png', png, 'assets/evil.png'],
    ['HTML named .png', 'evil.png', html, 'invalid-image'],
    ['HTML named .html', 'evil.html', html, 'invalid-image'],
    ['not base64', 'x.png', '***', 'invalid-image'],
  ];
  it.each(cases)('%s', async (_name, name, base64, expected) => {
    const result = await saveAsset(root, name, base64);
    expect(result.ok ? result.path : result.error).toEqual(expected);
  });

  it('never overwrites an existing image', async () => {
    const first = await saveAsset(root, 'shot.png', png);
    const second = await saveAsset(root, 'shot.png', png);
    expect([first.ok && first.path, second.ok && second.path]).toEqual([
      'assets/shot.png',
      'assets/shot-2.png',
    ]);
  });
});
