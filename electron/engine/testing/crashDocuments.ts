/**
 * The documents the crash-safety test writes: each version's text follows from its file and version
 * number alone, so the parent can tell a whole version from a torn one without a log from the child.
 */

export const crashDocumentCount = 8;

export function crashDocumentPath(file: number): string {
  return `${file % 2 === 0 ? 'specs' : 'stories'}/document-${file}.md`;
}

/**
 * Lengths vary from a few bytes to about 200 KB, so a torn write changes the length or the tail.
 * `group` lists the files saved together with this one, all at this version.
 */
export function crashDocumentText(file: number, version: number, group: number[] = []): string {
  const length = 64 + ((version * 7919 + file * 104_729) % 200_000);
  const header = `---\nkey: DOC-${file}\nversion: ${version}\ngroup: [${group.join(', ')}]\n---\n# Document ${file}, version ${version}\n`;
  const parts = [header];
  let size = header.length;
  for (let line = 0; size < length; line++) {
    const text = `Line ${line} of version ${version}: the quick brown fox jumps over the lazy dog.\n`;
    parts.push(text);
    size += text.length;
  }
  return parts.join('');
}

/** The version a text claims to be and the files it was saved with, if it carries them. */
export function crashDocumentHeader(text: string): { version: number; group: number[] } | undefined {
  const match = /^version: ([0-9]+)\ngroup: \[([0-9, ]*)\]$/m.exec(text);
  if (!match) return undefined;
  const group = match[2] === '' ? [] : match[2]!.split(', ').map(Number);
  return { version: Number(match[1]), group };
}
