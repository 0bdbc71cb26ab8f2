/** Reads many files at many revisions through one `git cat-file --batch` process (not one git per file). */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { gitEnvironment } from './gitCommand.js';

interface Pending {
  resolve: (bytes: Buffer | undefined) => void;
}

export class BlobReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failed: Error | undefined;

  constructor(cwd: string) {
    this.child = spawn('git', ['cat-file', '--batch'], { cwd, env: gitEnvironment(), windowsHide: true });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    const stop = (error: Error) => {
      this.failed ??= error;
      for (const pending of this.queue.splice(0)) pending.resolve(undefined);
    };
    this.child.on('error', stop);
    this.child.on('close', () => stop(new Error('git cat-file ended')));
    this.child.stdin.on('error', () => undefined);
    this.child.stderr.resume();
  }

  /** The bytes of `path` (relative to the repository's top) at `revision`, or undefined if it is not there. */
  read(revision: string, path: string): Promise<Buffer | undefined> {
    if (this.failed || path.includes('\n')) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.queue.push({ resolve });
      this.child.stdin.write(`${revision}:${path}\n`);
    });
  }

  async readText(revision: string, path: string): Promise<string | undefined> {
    return (await this.read(revision, path))?.toString('utf8');
  }

  close(): void {
    this.child.stdin.end();
  }

  private drain(): void {
    for (;;) {
      const pending = this.queue[0];
      if (!pending) return;
      const headerEnd = this.buffer.indexOf(10);
      if (headerEnd === -1) return;
      const header = this.buffer.subarray(0, headerEnd).toString('utf8');
      const match = /^\S+ (\S+) (\d+)$/.exec(header);
      if (!match) {
        // `<object> missing` or `ambiguous`: no content follows.
        this.buffer = this.buffer.subarray(headerEnd + 1);
        this.queue.shift();
        pending.resolve(undefined);
        continue;
      }
      const size = Number(match[2]);
      if (this.buffer.length < headerEnd + 1 + size + 1) return;
      const content = Buffer.from(this.buffer.subarray(headerEnd + 1, headerEnd + 1 + size));
      this.buffer = this.buffer.subarray(headerEnd + 1 + size + 1);
      this.queue.shift();
      pending.resolve(match[1] === 'blob' ? content : undefined);
    }
  }
}
