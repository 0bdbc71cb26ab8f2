import { describe, expect, it } from 'vitest';
import { scanMarkdown } from '../grammar/markdownScanner.js';
import type { DocumentEntry } from '../model/documentModel.js';
import { settingsSchema } from '../model/settingsModel.js';
import { documentFixture } from './documentFixture.js';
import { runRules } from './runRules.js';

/** A document as the engine indexes it: headings, name links and block ids from the scanner. */
function vaultDocument(path: string, body: string, fields: Partial<DocumentEntry> = {}): DocumentEntry {
  const scan = scanMarkdown(body);
  return documentFixture({
    path,
    headings: scan.headings,
    nameLinks: scan.nameLinks,
    blockIds: scan.blockIds,
    htmlAnchors: scan.htmlAnchors,
    references: scan.references,
    ...fields,
  });
}

const vault = [
  vaultDocument(
    'Home.md',
    [
      '# Top',
      '[[Projects/Roadmap]] [[Roadmap#Later]] [[Roadmap#Now#Later]] [[Q3 plan]] [[#Top]] [[Roadmap#^decision]]',
      '[up](Projects/Roadmap.md#later) [self](#top) ![ok](assets/chart.png) ![[chart.png|300]]',
      '[[Roadmap#Someday]] [[Roadmap#^nope]] [[Nowhere]] [[Dup]] [[SPEC-9]] [gone](old/plan.md) [out](../../x.md)',
      '![missing](assets/gone.png) ![[lost.png]] <img src="img/none.svg" width="20"> [[Meeting notes]]',
      '[[RFC#7]] [seven](RFC.md#7) [[RFC#x]] [[RFC#box]] [[RFC#8]] [[Roadmap#Now|`now()`]] [[Roadmap#Never|`never()`]]',
    ].join('\n'),
  ),
  vaultDocument(
    'RFC.md',
    '# RFC\n<span id="7"></span>Seven. <a name="x"></a>\n<div class="c" id=\'box\'>b</div>\n`<span id="8">` in code\n',
  ),
  vaultDocument('Projects/Roadmap.md', '# Now\n## Later\nWe decided. ^decision\n', { aliases: ['Q3 plan'] }),
  vaultDocument('a/Dup.md', 'one\n'),
  vaultDocument('b/Dup.md', 'two\n'),
  vaultDocument('b/c/Dup.md', 'a deeper namesake is a candidate too\n'),
  vaultDocument('Meeting notes.md', '', { type: 'spec' }),
];

describe('links by name in check', () => {
  it('reports broken name links as warnings, broken keys as errors, missing images and a spec without a key', () => {
    const findings = runRules({
      documents: vault,
      roadmap: [],
      settings: settingsSchema.parse({}),
      otherFiles: ['assets/chart.png'],
    });
    expect(
      findings.map(
        (finding) => `${finding.severity} ${finding.rule} ${finding.path}:${finding.line} ${finding.message}`,
      ),
    ).toEqual([
      'warning ambiguous-link Home.md:4 [[Dup]] in Home.md could mean any of 3 files named Dup (a/Dup.md, b/Dup.md, b/c/Dup.md); it opens a/Dup.md, as Obsidian would: write the path to choose one.',
      'warning broken-link Home.md:4 [[Nowhere]] in Home.md links to "Nowhere", which no file, path or alias in this workspace is called.',
      'warning broken-link Home.md:4 [[Roadmap#Someday]] in Home.md points to the heading "Someday" in Projects/Roadmap.md, which has no such heading.',
      'warning broken-link Home.md:4 [[Roadmap#^nope]] in Home.md points to block ^nope in Projects/Roadmap.md, which has no such block.',
      'error broken-link Home.md:4 [[SPEC-9]] in Home.md links to SPEC-9, which does not exist.',
      'warning broken-link Home.md:4 [gone](old/plan.md) in Home.md points to old/plan.md, which is not in this workspace.',
      'warning missing-asset Home.md:5 ![[lost.png]] in Home.md links to "lost.png", which no file, path or alias in this workspace is called.',
      'warning missing-asset Home.md:5 ![](img/none.svg) in Home.md points to img/none.svg, which is not in this workspace.',
      'warning missing-asset Home.md:5 ![missing](assets/gone.png) in Home.md points to assets/gone.png, which is not in this workspace.',
      'warning broken-link Home.md:6 [[RFC#8]] in Home.md points to the heading "8" in RFC.md, which has no such heading.',
      'warning broken-link Home.md:6 [[Roadmap#Never|`never()`]] in Home.md points to the heading "Never" in Projects/Roadmap.md, which has no such heading.',
      'warning missing-key Meeting notes.md:1 Meeting notes.md says type: spec but has no key, so it cannot be linked or exported as a spec; it would get SPEC-1 (add key: SPEC-1, or choose Make this a spec in the app).',
    ]);
  });

  it('finds headings that hold code, links, tags and comments by their visible text, as GitHub and Obsidian do', () => {
    const documents = [
      vaultDocument(
        'CLI.md',
        [
          '## The `--json` flag',
          '## Use [kbd](https://kbd.org) <kbd>Ctrl</kbd> keys <!-- say which -->',
          '## Status %%draft%%',
          'Setext with `code`',
          '---',
        ].join('\n'),
        { key: 'SPEC-1', type: 'spec' },
      ),
      vaultDocument(
        'notes.md',
        [
          '[[CLI#The --json flag]] [a](CLI.md#the---json-flag) [[CLI#Use kbd Ctrl keys]]',
          '[b](CLI.md#use-kbd-ctrl-keys) [[CLI#Status]] [[CLI#Setext with code]] [[SPEC-1#The --json flag]]',
          '[[CLI#The flag]]',
        ].join('\n'),
      ),
    ];
    const findings = runRules({ documents, roadmap: [], settings: settingsSchema.parse({}) });
    expect(findings.map((finding) => `${finding.line} ${finding.message}`)).toEqual([
      '3 [[CLI#The flag]] in notes.md points to the heading "The flag" in CLI.md, which has no such heading.',
    ]);
  });

  it('reads site-root links (/docs/api.md) from the workspace root and reports the ones that lead nowhere', () => {
    const documents = [
      vaultDocument('guide/start.md', '[api](/api/Client.md#closed) [gone](/api/Gone.md) [up](/api/)\n'),
      vaultDocument('api/Client.md', '## Closed\n'),
    ];
    const findings = runRules({ documents, roadmap: [], settings: settingsSchema.parse({}) });
    expect(findings.map((finding) => `${finding.line} ${finding.message}`)).toEqual([
      '1 [gone](/api/Gone.md) in guide/start.md points to /api/Gone.md, which is not in this workspace.',
    ]);
  });

  it('in a docs folder of a repository, reads /docs/… into the workspace and calls /README.md outside, as info', () => {
    const documents = [
      vaultDocument(
        'guide/start.md',
        '[api](/docs/api/Client.md#closed) [gone](/docs/Gone.md) [home](/README.md)\n',
      ),
      vaultDocument('api/Client.md', '## Closed\n'),
    ];
    const findings = runRules({
      documents,
      roadmap: [],
      settings: settingsSchema.parse({}),
      repositoryFolder: 'docs',
    });
    expect(findings.map((finding) => `${finding.severity} ${finding.message}`)).toEqual([
      'warning [gone](/docs/Gone.md) in guide/start.md points to /docs/Gone.md, which is not in this workspace.',
      'info [home](/README.md) in guide/start.md points to /README.md, outside this workspace: a file of its repository, not checked.',
    ]);
  });

  it('suggests the file of the same name for a site-root link that leads nowhere, as a click in the editor does', () => {
    const documents = [
      vaultDocument('README.md', '[Pool](/docs/docs/api/Pool.md) [gone](/docs/docs/api/Gone.md)\n'),
      vaultDocument('docs/api/Pool.md', '# Pool\n'),
    ];
    const findings = runRules({ documents, roadmap: [], settings: settingsSchema.parse({}) });
    expect(findings.map((finding) => finding.message)).toEqual([
      '[Pool](/docs/docs/api/Pool.md) in README.md points to /docs/docs/api/Pool.md, which is not in this workspace (There is docs/api/Pool.md: is that the one meant?).',
      '[gone](/docs/docs/api/Gone.md) in README.md points to /docs/docs/api/Gone.md, which is not in this workspace.',
    ]);
  });

  it('finds an image written with no folder by its unique file name; two of that name stay missing, both named', () => {
    const documents = [
      vaultDocument(
        'Bases/Table view.md',
        '![Interface](bases-noshadow.png#interface) ![Chart](chart.png)\n',
      ),
    ];
    const findings = runRules({
      documents,
      roadmap: [],
      settings: settingsSchema.parse({}),
      otherFiles: ['Attachments/bases-noshadow.png', 'Attachments/chart.png', 'Help/chart.png'],
    });
    expect(findings.map((finding) => `${finding.rule} ${finding.message}`)).toEqual([
      'missing-asset ![Chart](chart.png) in Bases/Table view.md points to chart.png, which is not in this workspace (There is Help/chart.png, Attachments/chart.png: is that the one meant?).',
    ]);
  });

  it('a broken name link set to error stays a warning; off silences it', () => {
    const severities = (rule: 'error' | 'off') =>
      runRules({
        documents: [vaultDocument('a.md', '[[Nowhere]]\n')],
        roadmap: [],
        settings: settingsSchema.parse({ rules: { 'broken-link': rule } }),
      }).map((finding) => finding.severity);
    expect([severities('error'), severities('off')]).toEqual([['warning'], []]);
  });
});
