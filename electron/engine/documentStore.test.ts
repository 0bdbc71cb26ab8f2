import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentStore, hashBytes, type FileVersion } from './documentStore.js';

function temporaryWorkspace(files: Record<string, string | Uint8Array> = {}): string {
  const parent = mkdtempSync(path.join(tmpdir(), 'specbench-store-'));
  const root = path.join(parent, 'workspace');
  mkdirSync(root);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

async function loaded(store: DocumentStore, relativePath: string): Promise<FileVersion & { text: string }> {
  const result = await store.read(relativePath);
  if (!result.ok) throw new Error(result.message);
  return result.file;
}

describe('DocumentStore.read', () => {
  const root = temporaryWorkspace({
    'specs/plain.md': '# Plain\n',
    'bom.md': '\uFEFF# With BOM\r\n',
    'binary.md': Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]),
    'latin1.md': Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
    'huge.md': Buffer.alloc(20 * 1024 * 1024, 0x61),
    'folder.md/inside.md': 'x',
  });
  mkdirSync(path.join(path.dirname(root), 'outside'));
  writeFileSync(path.join(path.dirname(root), 'outside', 'secret.md'), 'secret');
  symlinkSync(path.join(path.dirname(root), 'outside', 'secret.md'), path.join(root, 'secret.md'));
  const store = new DocumentStore(root);
  const cases: [string, string][] = [
    ['specs/plain.md', 'ok # Plain\n'],
    ['bom.md', 'ok \uFEFF# With BOM\r\n'],
    ['binary.md', 'not-text'],
    ['latin1.md', 'not-text'],
    ['huge.md', 'too-large'],
    ['missing.md', 'not-found'],
    ['specs/missing/deeper.md', 'not-found'],
    ['folder.md', 'unreadable'],
    ['secret.md', 'outside-workspace'],
    ['../outside/secret.md', 'outside-workspace'],
    ['aux.md', 'invalid-path'],
  ];
  it.each(cases)('%s → %j', async (relativePath, expected) => {
    const result = await store.read(relativePath);
    expect(result.ok ? `ok ${result.file.text}` : result.error).toBe(expected);
  });

  it('reports size, mtime and the sha256 of the bytes', async () => {
    const file = await loaded(store, 'specs/plain.md');
    const stat = statSync(path.join(root, 'specs/plain.md'));
    expect(file).toEqual({
      path: 'specs/plain.md',
      text: '# Plain\n',
      size: 8,
      mtimeMs: stat.mtimeMs,
      hash: hashBytes(Buffer.from('# Plain\n')),
    });
  });

  it('says how large a file is and what the limit is', async () => {
    const result = await store.read('huge.md');
    expect(result.ok ? '' : result.message).toBe('huge.md is 20.0 MB; Specbench opens files up to 10.0 MB.');
  });
});

describe('DocumentStore.save', () => {
  it('replaces an unchanged file atomically: a new inode, no temp files left', async () => {
    const root = temporaryWorkspace({ 'specs/a.md': 'old text\n' });
    const store = new DocumentStore(root);
    const before = await loaded(store, 'specs/a.md');
    const inodeBefore = statSync(path.join(root, 'specs/a.md')).ino;
    const result = await store.save('specs/a.md', 'new text, longer\n', before);
    const stat = statSync(path.join(root, 'specs/a.md'));
    expect({
      result,
      text: readFileSync(path.join(root, 'specs/a.md'), 'utf8'),
      replacedByRename: stat.ino !== inodeBefore,
      folder: readdirSync(path.join(root, 'specs')),
    }).toEqual({
      result: {
        ok: true,
        version: { size: 17, mtimeMs: stat.mtimeMs, hash: hashBytes(Buffer.from('new text, longer\n')) },
      },
      text: 'new text, longer\n',
      replacedByRename: true,
      folder: ['a.md'],
    });
  });

  it('saves again with the version the last save returned', async () => {
    const root = temporaryWorkspace({ 'a.md': 'one\n' });
    const store = new DocumentStore(root);
    const first = await store.save('a.md', 'two\n', await loaded(store, 'a.md'));
    const second = first.ok ? await store.save('a.md', 'three\n', first.version) : first;
    expect([second.ok, readFileSync(path.join(root, 'a.md'), 'utf8')]).toEqual([true, 'three\n']);
  });

  const externalEdits: [string, (file: string) => void][] = [
    [
      'same length, mtime restored (only the hash sees it)',
      (file) => {
        const stat = statSync(file);
        writeFileSync(file, 'OLD TEXT\n');
        utimesSync(file, stat.atime, stat.mtime);
      },
    ],
    ['a longer text', (file) => writeFileSync(file, 'old text and more\n')],
  ];
  it.each(externalEdits)('refuses to overwrite an external edit: %s', async (_name, edit) => {
    const root = temporaryWorkspace({ 'a.md': 'old text\n' });
    const file = path.join(root, 'a.md');
    const store = new DocumentStore(root);
    const before = await loaded(store, 'a.md');
    edit(file);
    const theirs = readFileSync(file, 'utf8');
    const result = await store.save('a.md', 'mine\n', before);
    expect({
      error: result.ok ? 'saved' : result.error,
      message: result.ok ? '' : result.message,
      current: result.ok ? undefined : result.current?.text,
      disk: readFileSync(file, 'utf8'),
    }).toEqual({
      error: 'conflict',
      message: 'a.md was changed outside Specbench since it was opened.',
      current: theirs,
      disk: theirs,
    });
  });

  it('saves over a file that was only touched: the bytes are what was loaded', async () => {
    const root = temporaryWorkspace({ 'a.md': 'old text\n' });
    const store = new DocumentStore(root);
    const before = await loaded(store, 'a.md');
    utimesSync(path.join(root, 'a.md'), new Date(), new Date(Date.now() + 5000));
    const result = await store.save('a.md', 'mine\n', before);
    expect([result.ok, readFileSync(path.join(root, 'a.md'), 'utf8')]).toEqual([true, 'mine\n']);
  });

  it('reports a file deleted on disk as deleted and does not recreate it', async () => {
    const root = temporaryWorkspace({ 'a.md': 'text\n' });
    const store = new DocumentStore(root);
    const before = await loaded(store, 'a.md');
    await store.trash('a.md');
    const result = await store.save('a.md', 'mine\n', before);
    expect([result.ok ? 'saved' : result.error, readdirSync(root)]).toEqual(['deleted', ['.specbench']]);
  });

  it('lets one of two saves from the same version win and refuses the other', async () => {
    const root = temporaryWorkspace({ 'a.md': 'text\n' });
    const store = new DocumentStore(root);
    const before = await loaded(store, 'a.md');
    const results = await Promise.all([
      store.save('a.md', 'first\n', before),
      store.save('a.md', 'second\n', before),
    ]);
    expect([
      results.map((result) => (result.ok ? 'ok' : result.error)),
      readFileSync(path.join(root, 'a.md'), 'utf8'),
    ]).toEqual([['ok', 'conflict'], 'first\n']);
  });

  it('refuses a read-only file (chmod 0444), even for root', async () => {
    const root = temporaryWorkspace({ 'a.md': 'text\n' });
    const store = new DocumentStore(root);
    const before = await loaded(store, 'a.md');
    chmodSync(path.join(root, 'a.md'), 0o444);
    const result = await store.save('a.md', 'mine\n', before);
    expect([result.ok ? 'saved' : result.error, readFileSync(path.join(root, 'a.md'), 'utf8')]).toEqual([
      'read-only',
      'text\n',
    ]);
  });

  const readOnlyFolder = makeFolderReadOnly(temporaryWorkspace({ 'specs/a.md': 'text\n' }), 'specs');
  it.skipIf(readOnlyFolder.skip !== undefined)('refuses to save into a read-only folder', async () => {
    const store = new DocumentStore(readOnlyFolder.root);
    const before = await loaded(store, 'specs/a.md');
    const result = await store.save('specs/a.md', 'mine\n', before);
    expect({
      error: result.ok ? 'saved' : result.error,
      message: result.ok ? '' : result.message,
      disk: readFileSync(path.join(readOnlyFolder.root, 'specs/a.md'), 'utf8'),
    }).toEqual({
      error: 'read-only',
      message: 'specs/a.md could not be saved: the file or its folder is read-only.',
      disk: 'text\n',
    });
  });
  afterAll(() => readOnlyFolder.release());

  it('saves through a symbolic link inside the workspace and keeps the link', async () => {
    const root = temporaryWorkspace({ 'specs/real.md': 'text\n' });
    symlinkSync(path.join(root, 'specs/real.md'), path.join(root, 'linked.md'));
    const store = new DocumentStore(root);
    const result = await store.save('linked.md', 'mine\n', await loaded(store, 'linked.md'));
    expect([
      result.ok,
      statSync(path.join(root, 'linked.md'), { throwIfNoEntry: false }) !== undefined,
      readFileSync(path.join(root, 'specs/real.md'), 'utf8'),
    ]).toEqual([true, true, 'mine\n']);
  });

  it('tells onDidWrite listeners about each of its own writes, until unsubscribed', async () => {
    const root = temporaryWorkspace({ 'a.md': 'one\n' });
    const store = new DocumentStore(root);
    const heard: string[] = [];
    const unsubscribe = store.onDidWrite((writtenPath, version) =>
      heard.push(`${writtenPath} ${version.size}`),
    );
    const first = await store.save('a.md', 'two!\n', await loaded(store, 'a.md'));
    await store.create('b.md', 'new\n');
    unsubscribe();
    if (first.ok) await store.save('a.md', 'three\n', first.version);
    expect(heard).toEqual(['a.md 5', 'b.md 4']);
  });
});

describe('DocumentStore.create', () => {
  const root = temporaryWorkspace({ 'specs/a.md': 'text\n' });
  const store = new DocumentStore(root);
  const cases: [string, string][] = [
    ['specs/b.md', 'ok'],
    ['specs/a.md', 'exists'],
    ['stories/deep/new.md', 'ok'],
    ['../escape.md', 'outside-workspace'],
    ['nul.md', 'invalid-path'],
  ];
  it.each(cases)('%s → %s', async (relativePath, expected) => {
    const result = await store.create(relativePath, 'created\n');
    expect(result.ok ? 'ok' : result.error).toBe(expected);
  });

  it('leaves an existing file untouched', () => {
    expect(readFileSync(path.join(root, 'specs/a.md'), 'utf8')).toBe('text\n');
  });
});

describe('DocumentStore.trash', () => {
  it('moves the file under .specbench/trash/<timestamp>/ and never deletes it', async () => {
    const root = temporaryWorkspace({ 'specs/a.md': 'keep me\n' });
    const store = new DocumentStore(root);
    const result = await store.trash('specs/a.md');
    const trashedTo = result.ok ? result.trashedTo : '';
    expect({
      shape: /^\.specbench\/trash\/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\/specs\/a\.md$/.test(trashedTo),
      text: readFileSync(path.join(root, trashedTo), 'utf8'),
      left: readdirSync(path.join(root, 'specs')),
    }).toEqual({ shape: true, text: 'keep me\n', left: [] });
  });

  it('keeps both copies when the same path is trashed twice', async () => {
    const root = temporaryWorkspace({ 'a.md': 'first\n' });
    const store = new DocumentStore(root);
    const first = await store.trash('a.md');
    await store.create('a.md', 'second\n');
    const second = await store.trash('a.md');
    const texts = [first, second].map((result) =>
      result.ok ? readFileSync(path.join(root, result.trashedTo), 'utf8') : '',
    );
    expect(texts).toEqual(['first\n', 'second\n']);
  });

  it('refuses a missing file', async () => {
    const store = new DocumentStore(temporaryWorkspace());
    const result = await store.trash('gone.md');
    expect(result).toEqual({ ok: false, error: 'not-found', message: 'gone.md does not exist.' });
  });
});

describe('DocumentStore.listMarkdownFiles', () => {
  it('lists Markdown recursively, skipping tool folders, temp files and links leading out', async () => {
    const root = temporaryWorkspace({
      'README.md': '',
      'specs/a.md': 'aa',
      'specs/.a.md.123.abcdef.tmp': 'temp',
      'stories/deep/b.MD': 'b',
      'notes.txt': '',
      '.git/x.md': '',
      'node_modules/pkg/y.md': '',
      '.specbench/trash/z.md': '',
      'specs/nested/node_modules/w.md': '',
    });
    mkdirSync(path.join(path.dirname(root), 'outside'));
    writeFileSync(path.join(path.dirname(root), 'outside', 'out.md'), '');
    symlinkSync(path.join(path.dirname(root), 'outside', 'out.md'), path.join(root, 'out.md'));
    symlinkSync(path.join(path.dirname(root), 'outside'), path.join(root, 'outside-folder'));
    symlinkSync(path.join(root, 'specs', 'a.md'), path.join(root, 'alias.md'));
    const files = await new DocumentStore(root).listMarkdownFiles();
    expect(files.map((file) => `${file.path} ${file.size}`)).toEqual([
      'README.md 0',
      'alias.md 2',
      'specs/a.md 2',
      'stories/deep/b.MD 1',
    ]);
  });
});

describe('DocumentStore.removeStaleTempFiles', () => {
  it('removes temp files of processes that are gone, and nothing else', async () => {
    const dead = 2 ** 30;
    const root = temporaryWorkspace({
      [`.a.md.${dead}.0123456789ab.tmp`]: 'torn',
      [`specs/.b.md.${dead}.0123456789ab.tmp`]: 'torn',
      [`.c.md.${process.pid}.0123456789ab.tmp`]: 'being written',
      'd.md': 'a document',
      'notes.tmp': 'not ours',
      [`.git/.e.md.${dead}.0123456789ab.tmp`]: 'not ours either',
    });
    const store = new DocumentStore(root);
    const young = await store.removeStaleTempFiles();
    const removed = await store.removeStaleTempFiles({ olderThanMs: 0 });
    expect({ young, removed, left: readdirSync(root, { recursive: true }).map(String).sort() }).toEqual({
      young: [],
      removed: [`.a.md.${dead}.0123456789ab.tmp`, `specs/.b.md.${dead}.0123456789ab.tmp`],
      left: [
        '.c.md.' + process.pid + '.0123456789ab.tmp',
        '.git',
        `.git/.e.md.${dead}.0123456789ab.tmp`,
        'd.md',
        'notes.tmp',
        'specs',
      ],
    });
  });
});

describe('DocumentStore.saveAll', () => {
  it('writes every file, or none when one changed on disk in the middle of the commit', async () => {
    const root = temporaryWorkspace({ 'a.md': 'a\n', 'b.md': 'b\n', 'c.md': 'c\n' });
    const store = new DocumentStore(root);
    const names = ['a.md', 'b.md', 'c.md'];
    const versions = await Promise.all(names.map((name) => loaded(store, name)));
    const before = names.map((name) => statSync(path.join(root, name), { bigint: true }));
    const result = await store.saveAll(
      names.map((name, index) => ({ path: name, text: `new ${name}\n`, expected: versions[index]! })),
      {
        beforeCommit: (file) =>
          file === 'c.md' ? writeFileSync(path.join(root, 'c.md'), 'external\n') : undefined,
      },
    );
    const after = names.map((name) => statSync(path.join(root, name), { bigint: true }));
    expect({
      error: result.ok ? 'saved' : result.error,
      texts: names.map((name) => readFileSync(path.join(root, name), 'utf8')),
      sameFiles: names
        .slice(0, 2)
        .map((_, index) => [
          after[index]!.ino === before[index]!.ino,
          after[index]!.mtimeNs === before[index]!.mtimeNs,
        ]),
      leftovers: readdirSync(root).sort(),
      transactions: readdirSync(path.join(root, '.specbench', 'transactions')),
    }).toEqual({
      error: 'conflict',
      texts: ['a\n', 'b\n', 'external\n'],
      sameFiles: [
        [true, true],
        [true, true],
      ],
      leftovers: ['.specbench', 'a.md', 'b.md', 'c.md'],
      transactions: [],
    });
  });
});

describe('DocumentStore.saveAll with new files', () => {
  it('creates new files (and their folder) together with edits', async () => {
    const root = temporaryWorkspace({ 'a.md': 'a\n' });
    const store = new DocumentStore(root);
    const result = await store.saveAll([
      { path: 'a.md', text: 'edited\n', expected: await loaded(store, 'a.md') },
      { path: 'feedback/one.md', text: 'one\n', expected: undefined },
      { path: 'feedback/two.md', text: 'two\n', expected: undefined },
    ]);
    expect({
      ok: result.ok,
      files: readdirSync(root, { recursive: true }).map(String).sort(),
      texts: ['a.md', 'feedback/one.md', 'feedback/two.md'].map((name) =>
        readFileSync(path.join(root, name), 'utf8'),
      ),
    }).toEqual({
      ok: true,
      files: [
        '.specbench',
        '.specbench/transactions',
        'a.md',
        'feedback',
        'feedback/one.md',
        'feedback/two.md',
      ],
      texts: ['edited\n', 'one\n', 'two\n'],
    });
  });

  it("writes none when a new file's name is taken in the middle: edits put back, new files and their folder gone", async () => {
    const root = temporaryWorkspace({ 'a.md': 'a\n' });
    const store = new DocumentStore(root);
    const result = await store.saveAll(
      [
        { path: 'a.md', text: 'edited\n', expected: await loaded(store, 'a.md') },
        { path: 'feedback/one.md', text: 'one\n', expected: undefined },
        { path: 'feedback/two.md', text: 'two\n', expected: undefined },
      ],
      {
        beforeCommit: (file) => {
          if (file !== 'feedback/two.md') return;
          // Someone else takes the name while we commit; their file (and so the folder) stays.
          writeFileSync(path.join(root, 'feedback', 'two.md'), 'theirs\n');
        },
      },
    );
    expect({
      result,
      files: readdirSync(root, { recursive: true }).map(String).sort(),
      a: readFileSync(path.join(root, 'a.md'), 'utf8'),
    }).toEqual({
      result: {
        ok: false,
        error: 'exists',
        path: 'feedback/two.md',
        message: 'feedback/two.md already exists; no file was changed.',
      },
      files: ['.specbench', '.specbench/transactions', 'a.md', 'feedback', 'feedback/two.md'],
      a: 'a\n',
    });
  });

  it('refuses up front a new file whose name is taken, and leaves no folder behind', async () => {
    const root = temporaryWorkspace({ 'a.md': 'a\n' });
    const result = await new DocumentStore(root).saveAll([
      { path: 'notes/new/one.md', text: 'one\n', expected: undefined },
      { path: 'a.md', text: 'two\n', expected: undefined },
    ]);
    expect({ result, files: readdirSync(root).sort() }).toEqual({
      result: { ok: false, error: 'exists', path: 'a.md', message: 'a.md already exists.' },
      files: ['a.md'],
    });
  });

  it('a crashed commit that created files is undone on the next open: created files removed, edits put back', async () => {
    const root = temporaryWorkspace({
      'a.md': 'edited\n',
      'feedback/one.md': 'one\n',
      'feedback/mine.md': 'mine\n',
    });
    const folder = path.join(root, '.specbench', 'transactions', '999999999-1-abcd');
    mkdirSync(path.join(folder, 'files'), { recursive: true });
    writeFileSync(path.join(folder, 'files', 'a.md'), 'a\n');
    const journal = {
      pid: 999_999_999,
      host: hostname(),
      files: [
        { path: 'a.md', target: 'a.md', hash: hashBytes(Buffer.from('edited\n')) },
        {
          path: 'feedback/one.md',
          target: 'feedback/one.md',
          hash: hashBytes(Buffer.from('one\n')),
          created: true,
        },
        // Its bytes differ from what the commit wrote: someone else's file now, left alone.
        {
          path: 'feedback/mine.md',
          target: 'feedback/mine.md',
          hash: hashBytes(Buffer.from('x\n')),
          created: true,
        },
      ],
    };
    writeFileSync(path.join(folder, 'journal.json'), JSON.stringify(journal));
    const recovered = await new DocumentStore(root).recover();
    expect({
      restored: recovered.restored,
      files: readdirSync(root, { recursive: true }).map(String).sort(),
      a: readFileSync(path.join(root, 'a.md'), 'utf8'),
    }).toEqual({
      restored: ['a.md', 'feedback/one.md'],
      files: ['.specbench', '.specbench/transactions', 'a.md', 'feedback', 'feedback/mine.md'],
      a: 'a\n',
    });
  });
});

/**
 * Makes a folder refuse new files: chmod 0555, and where that does not stop this user (root), the
 * immutable attribute. `skip` says why when neither works, and the test is skipped visibly.
 */
function makeFolderReadOnly(
  root: string,
  folder: string,
): { root: string; skip?: string; release: () => void } {
  const absolute = path.join(root, folder);
  chmodSync(absolute, 0o555);
  const release = () => {
    spawnSync('chattr', ['-i', absolute]);
    chmodSync(absolute, 0o755);
  };
  if (!canCreateIn(absolute)) return { root, release };
  const chattr = spawnSync('chattr', ['+i', absolute]);
  if (chattr.status === 0 && !canCreateIn(absolute)) return { root, release };
  const skip = 'this user writes into a chmod 0555 folder (root) and chattr +i is unavailable';
  console.log(`skipped "refuses to save into a read-only folder": ${skip}`);
  release();
  return { root, skip, release };
}

function canCreateIn(folder: string): boolean {
  const probe = path.join(folder, '.probe');
  try {
    writeFileSync(probe, '');
    spawnSync('rm', ['-f', probe]);
    return true;
  } catch {
    return false;
  }
}
