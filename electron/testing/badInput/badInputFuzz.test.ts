import fc from 'fast-check';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  joinDocument,
  setFrontMatterFields,
  splitDocument,
} from '../../../shared/frontMatter/frontMatter.js';
import { scanMarkdown } from '../../../shared/grammar/markdownScanner.js';
import { indexDocument } from '../../engine/indexDocument.js';
import { splitDocumentQuickly } from '../../engine/plainFrontMatter.js';
import { parseRoadmapText } from '../../engine/roadmapAdapter.js';
import { resolveInside } from '../../engine/workspacePaths.js';
import { runEngineCase } from './engineRun.js';
import { fuzzWorkspace, markdownBody, yamlText } from './fuzzInputs.js';

/** One input may take this long; a slower one is a hang in the making (the parsers are synchronous). */
const perInputMs = 2_000;
const version = { size: 1, mtimeMs: 1, hash: '00' };

/** Runs `check` on the input and fails with the input when it throws or takes too long. */
function timed<T>(input: T, check: (input: T) => void): void {
  const started = performance.now();
  check(input);
  const elapsed = performance.now() - started;
  if (elapsed > perInputMs) throw new Error(`took ${Math.round(elapsed)} ms (limit ${perInputMs})`);
}

describe('fuzzing the parsers (fast-check; the seed and the input are printed on failure)', () => {
  it('front matter: split and join give the text back, the quick path agrees, nothing throws', () => {
    fc.assert(
      fc.property(yamlText, markdownBody, (yaml, body) =>
        timed(`---\n${yaml}\n---\n${body}`, (text) => {
          const split = splitDocument(text);
          expect([joinDocument(split), splitDocumentQuickly(text)]).toEqual([text, split]);
        }),
      ),
      { numRuns: 400, interruptAfterTimeLimit: 8_000 },
    );
  });

  it('front matter fields: setting keys of any name keeps the block parseable as a mapping', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), (key, value) =>
        timed({ key, value }, ({ key: name, value: field }) => {
          const raw = setFrontMatterFields('---\nkey: SPEC-1\ntitle: A\n---\n', { [name]: field });
          const data = splitDocument(raw).frontMatter?.data ?? {};
          expect([Object.getPrototypeOf(data), Object.prototype.hasOwnProperty.call(data, 'key')]).toEqual([
            Object.prototype,
            true,
          ]);
        }),
      ),
      { numRuns: 300, interruptAfterTimeLimit: 5_000 },
    );
  });

  it('documents: the scanner and the indexer answer any front matter, keys and link targets', () => {
    fc.assert(
      fc.property(yamlText, markdownBody, (yaml, body) =>
        timed(`---\n${yaml}\n---\n${body}\n`, (text) => {
          const scanned = scanMarkdown(text);
          const entry = indexDocument('specs/fuzz.md', text, version);
          expect([Array.isArray(scanned.references), entry.path]).toEqual([true, 'specs/fuzz.md']);
        }),
      ),
      { numRuns: 400, interruptAfterTimeLimit: 8_000 },
    );
  });

  it('file names: every path resolves inside the workspace or is refused as a value', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-fuzz-paths-'));
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '', 'CON', 'nul.md', 'a.', 'a ', '\\', '%2e%2e', '\u0000', '~', 'specs'),
      fc.string({ maxLength: 8 }),
    );
    try {
      fc.assert(
        fc.property(fc.array(segment, { maxLength: 6 }), fc.boolean(), (segments, absolute) =>
          timed((absolute ? '/' : '') + segments.join('/'), (relative) => {
            const resolved = resolveInside(root, relative);
            const inside = resolved.ok
              ? resolved.absolute === root || resolved.absolute.startsWith(root + path.sep)
              : typeof resolved.message === 'string';
            expect(inside).toEqual(true);
          }),
        ),
        { numRuns: 500, interruptAfterTimeLimit: 5_000 },
      );
    } finally {
      await fs.rm(root, { recursive: true, force: true });
    }
  });

  it('roadmap.json: any JSON (or a damaged one), releases included, parses to a value, never an exception', () => {
    const damaged = fc
      .tuple(fc.json({ maxDepth: 4 }), fc.nat(), fc.string({ maxLength: 4 }))
      .map(([json, at, junk]) => json.slice(0, at % (json.length + 1)) + junk);
    const item = fc.record({
      key: fc.oneof(fc.constant('RM-1'), fc.string({ maxLength: 6 })),
      title: fc.oneof(fc.string({ maxLength: 6 }), fc.integer()),
      lane: fc.constantFrom('now', 'next', 'later', 'soon', '__proto__'),
      rank: fc.oneof(fc.integer(), fc.string({ maxLength: 3 })),
    });
    const release = fc.record({
      key: fc.oneof(fc.constant('REL-1'), fc.string({ maxLength: 6 })),
      name: fc.oneof(fc.string({ maxLength: 6 }), fc.constant(''), fc.integer()),
      status: fc.constantFrom('planned', 'released', 'shipped', '__proto__'),
      date: fc.oneof(fc.constant('2026-10-01'), fc.constant('2026-13-40'), fc.string({ maxLength: 10 })),
      items: fc.oneof(fc.array(fc.constantFrom('RM-1', 'RM-2', '', 'x'), { maxLength: 4 }), fc.jsonValue()),
    });
    const roadmap = fc
      .record({
        version: fc.oneof(fc.constant(1), fc.jsonValue()),
        items: fc.array(item, { maxLength: 4 }),
        releases: fc.oneof(fc.array(release, { maxLength: 3 }), fc.jsonValue()),
      })
      .map((value) => JSON.stringify(value));
    fc.assert(
      fc.property(fc.oneof(damaged, roadmap, fc.json()), (text) =>
        timed(text, (json) => {
          const parsed = parseRoadmapText(json);
          expect(parsed.ok || typeof parsed.message === 'string').toEqual(true);
        }),
      ),
      { numRuns: 500, interruptAfterTimeLimit: 5_000 },
    );
  });
});

describe('fuzzing the engine with whole workspaces', () => {
  it('opens, checks, searches and saves an unrelated note; no exception, no hang, inputs unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzWorkspace, async (badInput) => {
        const result = await runEngineCase(badInput, 10_000);
        expect({ threw: result.threw, hung: result.hung, difference: result.difference }).toEqual({
          threw: undefined,
          hung: false,
          difference: { changed: [], created: [], removed: [] },
        });
      }),
      { numRuns: 25, interruptAfterTimeLimit: 10_000 },
    );
  }, 60_000);
});
