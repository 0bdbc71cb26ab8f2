import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repositoryFolderOf } from './repositoryFolder.js';
import { Workspace } from './workspace.js';
import { writeFiles } from '../testing/writeFiles.js';

const folders: string[] = [];
const opened: Workspace[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((workspace) => workspace.close()));
  await Promise.all(folders.splice(0).map((folder) => fs.rm(folder, { recursive: true, force: true })));
});

/** A repository laid out as on GitHub: README.md at the top, the docs in `docs/`, linking from the site root. */
async function repositoryWithDocs(): Promise<{ repository: string; docs: string }> {
  const repository = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-site-root-'));
  folders.push(repository);
  const files: Record<string, string> = {
    'README.md': '# Project\n',
    'docs/index.md': '# Docs\n\nSee [the client](/docs/api/Client.md#closed) and [home](/README.md).\n',
    'docs/api/Client.md':
      '# Client\n\n## Closed\n\nBack to [the index](/docs/index.md), [gone](/docs/api/Gone.md).\n',
  };
  await writeFiles(repository, files);
  execFileSync('git', ['init', '-q'], { cwd: repository });
  return { repository, docs: path.join(repository, 'docs') };
}

async function open(root: string): Promise<Workspace> {
  const result = await Workspace.open(root, { cache: false });
  if (!result.ok) throw new Error(result.message);
  opened.push(result.workspace);
  return result.workspace;
}

describe('a workspace that is a folder of its git repository', () => {
  it('knows its folder there, and none at the top or outside a repository', async () => {
    const { repository, docs } = await repositoryWithDocs();
    const plain = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-no-repository-'));
    folders.push(plain);
    expect(await Promise.all([docs, repository, plain].map(repositoryFolderOf))).toEqual(['docs', '', '']);
  });

  it('check reads site-root links from the repository: only the missing one warns, the README is outside', async () => {
    const { docs } = await repositoryWithDocs();
    const workspace = await open(docs);
    const findings = workspace
      .check()
      .filter((finding) => finding.rule === 'broken-link')
      .map((finding) => `${finding.severity} ${finding.path}:${finding.line}`);
    expect({ folder: workspace.repositoryFolder, findings }).toEqual({
      folder: 'docs',
      findings: ['warning api/Client.md:5', 'info index.md:3'],
    });
  });

  it('lists a site-root link to a document of the workspace among its links, both ways', async () => {
    const { docs } = await repositoryWithDocs();
    const workspace = await open(docs);
    const links = workspace.documentLinks('api/Client.md');
    expect({
      incoming: links.incoming.map((link) => `${link.path}:${link.line}`),
      outgoing: links.outgoing.map((link) => `${link.to} ${link.state ?? 'found'}`),
    }).toEqual({ incoming: ['index.md:3'], outgoing: ['index.md found', '/docs/api/Gone.md missing'] });
  });
});

describe('a docs folder that is no sub-folder of a repository (a copy, or a repository of its own)', () => {
  /** undici's docs: docsify serves the folder holding `docs/`, so `/docs/docs/api/Client.md` is `docs/api/Client.md` here. */
  async function docsSite(repository: boolean): Promise<string> {
    const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-docs-site-'));
    folders.push(parent);
    const docs = path.join(parent, 'docs');
    const files: Record<string, string> = {
      'README.md': '# Docs\n\n[Client](/docs/docs/api/Client.md#closed) [gone](/docs/docs/api/Gone.md)\n',
      'docs/api/Client.md': '# Client\n\n## Closed\n\nBack [home](/docs/README.md).\n',
    };
    for (const [file, text] of Object.entries(files)) {
      await fs.mkdir(path.dirname(path.join(docs, file)), { recursive: true });
      await fs.writeFile(path.join(docs, file), text);
    }
    if (repository) execFileSync('git', ['init', '-q'], { cwd: docs });
    return docs;
  }

  it.each([
    ['a copy', false],
    ['a repository of its own', true],
  ])(
    '%s: check reads /docs/… from the folder holding it, so only the missing file warns',
    async (_case, repository) => {
      const workspace = await open(await docsSite(repository));
      const findings = workspace
        .check()
        .filter((finding) => finding.rule === 'broken-link')
        .map((finding) => `${finding.path}:${finding.line} ${finding.message}`);
      const links = workspace
        .documentLinks('README.md')
        .outgoing.map((link) => `${link.to} ${link.state ?? 'found'}`);
      expect({ findings, links }).toEqual({
        findings: [
          'README.md:3 [gone](/docs/docs/api/Gone.md) in README.md points to /docs/docs/api/Gone.md, which is not in this workspace.',
        ],
        links: ['docs/api/Client.md found', '/docs/docs/api/Gone.md missing'],
      });
    },
  );
});
