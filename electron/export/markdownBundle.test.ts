import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportBundle, zipEntryTime } from './exportBundle.js';
import { bundleFiles, renderBundleMarkdown } from './markdownBundle.js';
import { headingAnchor } from './portableMarkdown.js';
import { bundleOf, sampleCopy, temporaryFolder, workspaceWith } from './testing/exportFixtures.js';
import type { SpecBundle } from './specBundle.js';

const date = new Date('2026-11-25T12:00:00Z');

/** Heading anchors as GitHub makes them: a repeated heading gets -1, -2 … */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^ {0,3}(`{3,}|~{3,})/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^ {0,3}#{1,6}\s+(.*?)\s*$/.exec(line);
    if (!heading) continue;
    const base = headingAnchor(heading[1]!.replace(/\\(.)/g, '$1'));
    let anchor = base;
    for (let count = 1; anchors.has(anchor); count++) anchor = `${base}-${count}`;
    anchors.add(anchor);
  }
  return anchors;
}

/** Link and image targets outside code, except web and mail links. */
function localTargets(markdown: string): string[] {
  const withoutCode = markdown
    .replace(/^ {0,3}(`{3,}|~{3,})[\s\S]*?^ {0,3}\1/gm, '')
    .replace(/`[^`\n]*`/g, '');
  return Array.from(
    withoutCode.matchAll(/\]\((?:<([^>\n]+)>|([^)\s]+))/g),
    (match) => match[1] ?? match[2]!,
  ).filter((target) => !/^(?:https?|mailto):/i.test(target));
}

describe('Markdown bundles of the sample', () => {
  let bundle: SpecBundle;

  beforeAll(async () => {
    bundle = await bundleOf(await sampleCopy(), {
      specs: 'all',
      include: ['stories', 'faqs', 'roadmap', 'matrix'],
    });
  });

  it('resolves every link of the single file to a heading or a file', async () => {
    const outputFolder = await temporaryFolder();
    const markdown = renderBundleMarkdown(bundle, { date, outputFolder });
    const anchors = anchorsOf(markdown);
    const targets = localTargets(markdown);
    const broken = targets.filter((target) =>
      target.startsWith('#')
        ? !anchors.has(target.slice(1))
        : !existsSync(path.resolve(outputFolder, decodeURI(target))),
    );
    expect({
      many: targets.length > 40,
      hasImage: targets.some((target) => target.endsWith('.png')),
      broken,
    }).toEqual({
      many: true,
      hasImage: true,
      broken: [],
    });
  });

  it('resolves every link of the zip to a file inside it, and each anchor to a heading of that file', () => {
    const files = bundleFiles(bundle, { date });
    const texts = new Map<string, string>();
    for (const [name, bytes] of files)
      if (name.endsWith('.md')) texts.set(name, new TextDecoder().decode(bytes));
    const broken: string[] = [];
    let count = 0;
    for (const [name, text] of texts) {
      for (const target of localTargets(text)) {
        count++;
        const [file, anchor] = target.split('#') as [string, string | undefined];
        const resolved =
          file === ''
            ? name
            : path.posix.normalize(path.posix.join(path.posix.dirname(name), decodeURI(file)));
        const exists = files.has(resolved);
        const anchored =
          anchor === undefined || (texts.has(resolved) && anchorsOf(texts.get(resolved)!).has(anchor));
        if (!exists || !anchored) broken.push(`${name} → ${target}`);
      }
    }
    expect({ many: count > 40, hasAsset: files.has('assets/checkout-flow.png'), broken }).toEqual({
      many: true,
      hasAsset: true,
      broken: [],
    });
  });

  it('writes a zip that unzips to the same files', async () => {
    const out = path.join(await temporaryFolder(), 'bundle.zip');
    const result = await exportBundle(bundle, { format: 'zip', out, date });
    const names = Object.keys(unzipSync(await fs.readFile(out))).sort();
    expect({ ok: result.ok, names }).toEqual({
      ok: true,
      names: [...bundleFiles(bundle, { date }).keys()].sort(),
    });
  });

  it('writes a zip even when the clock is outside the years a zip can hold', async () => {
    const out = path.join(await temporaryFolder(), 'epoch.zip');
    const result = await exportBundle(bundle, { format: 'zip', out, date: new Date(0) });
    expect({ ok: result.ok, entries: Object.keys(unzipSync(await fs.readFile(out))).length > 0 }).toEqual({
      ok: true,
      entries: true,
    });
  });
});

describe('zipEntryTime', () => {
  it.each([
    ['before 1980', new Date(0), new Date(1980, 0, 1, 12)],
    ['inside the range', new Date(2026, 10, 25), new Date(2026, 10, 25)],
    ['after 2099', new Date(2150, 0, 1), new Date(2099, 11, 31, 12)],
    ['an invalid date', new Date(Number.NaN), new Date(1980, 0, 1, 12)],
  ])('%s', (_name, date, expected) => {
    expect(zipEntryTime(date).getTime()).toBe(expected.getTime());
  });
});

describe('zip file names', () => {
  it('are safe whatever the titles say', async () => {
    const spec = (key: string, title: string): string =>
      `---\nkey: ${key}\ntype: spec\ntitle: ${JSON.stringify(title)}\n---\nBody.\n`;
    const folder = await workspaceWith({
      'specs/one.md': spec('SPEC-1', '../../evil'),
      'specs/two.md': spec('SPEC-2', 'CON'),
      'specs/three.md': spec('SPEC-3', 'a/b'),
      'specs/four.md': spec('SPEC-4', 'A/B'),
      'specs/five.md': spec('SPEC-5', 'README'),
      'specs/six.md': spec('SPEC-6', '...'),
    });
    const files = bundleFiles(await bundleOf(folder, { specs: 'all', include: [] }), { date });
    expect([...files.keys()]).toEqual([
      'specs/evil.md',
      'specs/con-document.md',
      'specs/a-b.md',
      'specs/a-b-2.md',
      'specs/readme.md',
      'specs/untitled.md',
      'README.md',
    ]);
  });
});
