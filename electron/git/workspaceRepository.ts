/** The git repository a workspace folder sits in: where it is, its commits and its files at any revision. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isMarkdownPath, isRoadmapPath } from '../../shared/merge/mergeFile.js';
import { BlobReader } from './blobReader.js';
import { gitComplaint, runGit } from './gitCommand.js';

export interface CommitInfo {
  hash: string;
  author: string;
  email: string;
  /** ISO 8601. */
  date: string;
  message: string;
  /** The parents' hashes: two or more for a merge, whose changes are those against its first parent. */
  parents: string[];
  /** Workspace-relative paths changed, with the old path of a rename. */
  changes: { path: string; previousPath?: string; status: string }[];
}

/** Files that hold items: Markdown and roadmap.json. */
export function isItemFile(file: string): boolean {
  return isMarkdownPath(file) || isRoadmapPath(file);
}

/** How to get the whole history into a shallow clone, for messages. */
export const unshallowHint =
  'fetch the whole history with git fetch --unshallow (in GitHub Actions: actions/checkout with fetch-depth: 0)';

export class WorkspaceRepository {
  private constructor(
    readonly root: string,
    /** The workspace's folder inside the repository, `specs/` style with a trailing slash, or ''. */
    readonly prefix: string,
  ) {}

  /** The repository of a workspace folder already found (its folder inside the repository known). */
  static fromPlace(root: string, prefix: string): WorkspaceRepository {
    return new WorkspaceRepository(root, prefix);
  }

  /** The repository of a workspace folder, or why there is none (git missing throws GitMissingError). */
  static async open(
    root: string,
  ): Promise<{ ok: true; repository: WorkspaceRepository } | { ok: false; message: string }> {
    const prefix = await runGit(['rev-parse', '--show-prefix'], { cwd: root });
    if (!prefix.ok) return { ok: false, message: `${gitComplaint(prefix)}` };
    return { ok: true, repository: new WorkspaceRepository(root, prefix.stdout.trim()) };
  }

  /** The commit a revision names, or a one-line reason. */
  async resolve(revision: string): Promise<{ ok: true; hash: string } | { ok: false; message: string }> {
    if (revision.startsWith('-')) return { ok: false, message: `'${revision}' is not a revision` };
    const output = await runGit(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], {
      cwd: this.root,
    });
    if (!output.ok) {
      const missing = `no commit, branch or tag is called '${revision}'`;
      // CI checks out one commit: HEAD~1 and tags are simply not there yet.
      return {
        ok: false,
        message: (await this.isShallow()) ? `${missing} in this shallow clone: ${unshallowHint}` : missing,
      };
    }
    return { ok: true, hash: output.stdout.trim() };
  }

  /** Whether this is a shallow clone (CI's default checkout), whose history stops early. */
  async isShallow(): Promise<boolean> {
    const output = await runGit(['rev-parse', '--is-shallow-repository'], { cwd: this.root });
    return output.ok && output.stdout.trim() === 'true';
  }

  /**
   * Commits that changed the workspace's item files, newest first. A merge's changes are those against
   * its first parent (a conflict's resolution, or what the other side brought), read with `-m` and the
   * other parents' listings dropped, which git 2.30 does as well as newer ones.
   */
  async commits(): Promise<CommitInfo[]> {
    const output = await runGit(
      [
        '-c',
        'core.quotePath=false',
        'log',
        '-m',
        '--relative',
        '-M',
        '--name-status',
        '--format=%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%P%x1f%s',
        '--',
        '.',
      ],
      { cwd: this.root, timeout: 120_000 },
    );
    if (!output.ok) return [];
    const commits: CommitInfo[] = [];
    const seen = new Set<string>();
    for (const record of output.stdout.split('\x1e').slice(1)) {
      const [header, ...lines] = record.split('\n');
      const [hash, author, email, date, parents, ...subject] = header!.split('\x1f');
      // `-m` lists a merge once per parent, the first parent first: only that one is kept.
      if (seen.has(hash!)) continue;
      seen.add(hash!);
      const message = subject.join('\x1f');
      const changes: CommitInfo['changes'] = [];
      for (const line of lines) {
        const [status, first, second] = line.split('\t');
        if (!status || !first) continue;
        if (second !== undefined) changes.push({ status: status[0]!, path: second, previousPath: first });
        else changes.push({ status: status[0]!, path: first });
      }
      commits.push({
        hash: hash!,
        author: author!,
        email: email!,
        date: date!,
        message,
        parents: parents ? parents.split(' ') : [],
        changes,
      });
    }
    return commits;
  }

  /** The workspace's item files at a revision, by workspace-relative path. */
  async filesAt(revision: string): Promise<Map<string, string>> {
    const listing = await runGit(
      ['-c', 'core.quotePath=false', 'ls-tree', '-r', '--name-only', '-z', revision, '--', '.'],
      {
        cwd: this.root,
      },
    );
    const files = new Map<string, string>();
    if (!listing.ok) return files;
    const paths = listing.stdout.split('\0').filter((file) => file !== '' && isItemFile(file));
    const reader = this.blobs();
    try {
      const texts = await Promise.all(paths.map((file) => reader.readText(revision, this.prefix + file)));
      paths.forEach((file, index) => {
        const text = texts[index];
        if (text !== undefined) files.set(file, text);
      });
    } finally {
      reader.close();
    }
    return files;
  }

  /** The workspace's item files as they are on disk now (tracked and new, ignored ones left out). */
  async workingFiles(): Promise<Map<string, string>> {
    const listing = await runGit(
      [
        '-c',
        'core.quotePath=false',
        'ls-files',
        '-z',
        '--cached',
        '--others',
        '--exclude-standard',
        '--',
        '.',
      ],
      {
        cwd: this.root,
      },
    );
    if (!listing.ok) return new Map();
    return this.readItemFiles(listing.stdout);
  }

  /** The item files on disk now (tracked and new) whose text contains `text`, by workspace-relative path. */
  async workingFilesContaining(text: string): Promise<Map<string, string>> {
    const listing = await runGit(
      ['-c', 'core.quotePath=false', 'grep', '-l', '-z', '-F', '--untracked', '-e', text, '--', '.'],
      { cwd: this.root },
    );
    // Exit 1: no file contains it.
    if (!listing.ok) return new Map();
    return this.readItemFiles(listing.stdout);
  }

  /** The texts of the item files in git's NUL-separated `listing`; one gone since git listed it is left out. */
  private async readItemFiles(listing: string): Promise<Map<string, string>> {
    const files = new Map<string, string>();
    const paths = new Set(listing.split('\0').filter((file) => file !== '' && isItemFile(file)));
    await Promise.all(
      [...paths].map(async (file) => {
        try {
          files.set(file, await fs.readFile(path.join(this.root, file), 'utf8'));
        } catch {
          // Deleted (still in the index) or gone since git listed it: not in the working tree.
        }
      }),
    );
    return files;
  }

  /** Workspace-relative paths that differ between HEAD and the working tree (new files included). */
  async uncommittedPaths(): Promise<string[]> {
    const output = await runGit(
      ['-c', 'core.quotePath=false', 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--', '.'],
      {
        cwd: this.root,
      },
    );
    if (!output.ok) return [];
    const paths: string[] = [];
    const fields = output.stdout.split('\0');
    for (let index = 0; index < fields.length; index++) {
      const entry = fields[index]!;
      if (entry.length < 4) continue;
      paths.push(entry.slice(3));
      if (entry[0] === 'R' || entry[0] === 'C') paths.push(fields[++index]!);
    }
    // Porcelain paths are relative to the repository's top; ours are to the workspace.
    return paths.filter((file) => file.startsWith(this.prefix)).map((file) => file.slice(this.prefix.length));
  }

  blobs(): BlobReader {
    return new BlobReader(this.root);
  }
}
