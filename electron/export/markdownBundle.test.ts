import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { indexDocument } from '../engine/indexDocument.js';
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

  it('writes a self-contained file: every link goes to one of its headings or to an image copied beside it', async () => {
    const folder = await temporaryFolder();
    const out = path.join(folder, 'review', 'bundle.md');
    const result = await exportBundle(bundle, { format: 'md', out, date });
    const markdown = await fs.readFile(out, 'utf8');
    const anchors = anchorsOf(markdown);
    const targets = localTargets(markdown);
    const broken = targets.filter((target) =>
      target.startsWith('#')
        ? !anchors.has(target.slice(1))
        : target.startsWith('../') || !existsSync(path.resolve(path.dirname(out), decodeURI(target))),
    );
    expect({
      ok: result.ok,
      many: targets.length > 40,
      images: targets.filter((target) => target.endsWith('.png')),
      written: (await fs.readdir(folder, { recursive: true })).sort(),
      broken,
    }).toEqual({
      ok: true,
      many: true,
      images: ['bundle.assets/checkout-flow.png'],
      written: [
        'review',
        'review/bundle.assets',
        'review/bundle.assets/checkout-flow.png',
        'review/bundle.md',
      ],
      broken: [],
    });
  });

  it('embeds the images when the file has no folder beside it (standard output, the app)', () => {
    const { markdown, assets } = renderBundleMarkdown(bundle, { date });
    const images = localTargets(markdown).filter((target) => target.startsWith('data:'));
    expect({ images: images.map((image) => image.slice(0, 22)), assets: assets.size }).toEqual({
      images: ['data:image/png;base64,'],
      assets: 0,
    });
  });

  it('links a chapter without a key in the contents to its heading (the changes since a revision)', () => {
    const text = '---\ntitle: Changes since v1.0\n---\n## SPEC-4 Promo codes\n\n- REQ-12 text changed\n';
    const entry = indexDocument('changes-since-v1.0.md', text, { size: text.length, mtimeMs: 0, hash: '' });
    const withChapter = { ...bundle, documents: [...bundle.documents, { entry, text }] };
    const { markdown } = renderBundleMarkdown(withChapter, { date, assetFolder: 'b.assets' });
    expect(markdown.split('\n').filter((line) => line.includes('[Changes since'))).toEqual([
      '- [Changes since v1.0](#changes-since-v10)',
    ]);
  });

  it('prints approvals as words, not JSON', () => {
    const { markdown } = renderBundleMarkdown(bundle, { date, assetFolder: 'b.assets' });
    expect(markdown.split('\n').filter((line) => line.startsWith('| Approvals |'))).toEqual([
      '| Approvals | Dana Whitfield (dana.whitfield@acme.example) on 2026-11-20, requirements current |',
    ]);
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

describe("a Markdown bundle's images beside it", () => {
  const image = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  async function specWithImage(): Promise<SpecBundle> {
    const folder = await workspaceWith({
      'specs/one.md': '---\nkey: SPEC-1\ntype: spec\ntitle: One\n---\n![Flow](../images/flow.png)\n',
      'images/flow.png': image,
    });
    return bundleOf(folder, { specs: 'all', include: [] });
  }

  it("replace the same names in <name>.assets/ and leave the user's other files there alone", async () => {
    const folder = await temporaryFolder();
    await fs.mkdir(path.join(folder, 'one.assets'));
    await fs.writeFile(path.join(folder, 'one.assets', 'flow.png'), 'old export');
    await fs.writeFile(path.join(folder, 'one.assets', 'mine.txt'), 'my notes');
    const result = await exportBundle(await specWithImage(), {
      format: 'md',
      out: path.join(folder, 'one.md'),
      date,
    });
    expect({
      ok: result.ok,
      flow: new Uint8Array(await fs.readFile(path.join(folder, 'one.assets', 'flow.png'))),
      mine: await fs.readFile(path.join(folder, 'one.assets', 'mine.txt'), 'utf8'),
      files: (await fs.readdir(folder, { recursive: true })).sort(),
    }).toEqual({
      ok: true,
      flow: image,
      mine: 'my notes',
      files: ['one.assets', 'one.assets/flow.png', 'one.assets/mine.txt', 'one.md'],
    });
  });

  it('refuse a file where the images folder goes, writing nothing', async () => {
    const folder = await temporaryFolder();
    await fs.writeFile(path.join(folder, 'one.assets'), 'a file of the user');
    const result = await exportBundle(await specWithImage(), {
      format: 'md',
      out: path.join(folder, 'one.md'),
      date,
    });
    expect({
      result: result.ok ? result : { ...result, message: result.message.replace(folder, '<folder>') },
      files: await fs.readdir(folder),
      kept: await fs.readFile(path.join(folder, 'one.assets'), 'utf8'),
    }).toEqual({
      result: {
        ok: false,
        error: 'bad-destination',
        message: '<folder>/one.assets is a file; the images go there',
      },
      files: ['one.assets'],
      kept: 'a file of the user',
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
