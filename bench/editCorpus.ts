/** Markdown corpora on disk for the clean-edit probe: every `.md` file under the given folders. */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface CorpusFile {
  /** The source folder's name and the file's path inside it. */
  name: string;
  text: string;
}

async function markdownFiles(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { withFileTypes: true, recursive: true });
  return (
    entries
      // SOURCE.md describes a corpus folder; it is not part of it.
      .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && entry.name !== 'SOURCE.md')
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort()
  );
}

export async function readCorpus(folders: string[]): Promise<CorpusFile[]> {
  const files: CorpusFile[] = [];
  for (const folder of folders) {
    for (const file of await markdownFiles(folder)) {
      files.push({ name: path.relative(path.dirname(folder), file), text: await fs.readFile(file, 'utf8') });
    }
  }
  return files;
}

/** Packages whose README the corpus test reads in place (real repository docs, permissively licensed). */
const packageReadmes = [
  'marked',
  'yaml',
  'zod',
  'lowdb',
  'chokidar',
  'fflate',
  'prettier',
  'eslint',
  'typescript',
  'fast-check',
  'electron',
  'undici',
];

/**
 * The corpus the clean-edit test and bench run over: the codec's foreign-Markdown fixtures, every
 * folder of corpus/, undici's docs folder and the READMEs of a few dependencies, read in place.
 */
export async function defaultCorpus(repository: string): Promise<CorpusFile[]> {
  const corpusFolder = path.join(repository, 'corpus');
  const sources = (await fs.readdir(corpusFolder, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(corpusFolder, entry.name));
  const files = await readCorpus([
    path.join(repository, 'shared', 'markdown', 'fixtures'),
    ...sources,
    path.join(repository, 'node_modules', 'undici', 'docs'),
  ]);
  for (const name of packageReadmes) {
    const file = path.join(repository, 'node_modules', name, 'README.md');
    files.push({ name: `node_modules/${name}/README.md`, text: await fs.readFile(file, 'utf8') });
  }
  return files;
}
