/**
 * The documents the crash-safety test writes: each version's text follows from its file and version
 * number alone, so the parent can tell a whole version from a torn one without a log from the child.
 */

export const crashDocumentCount = 8;

export function crashDocumentPath(file: number): string {
  return `${file % 2 === 0 ? 'specs' : 'stories'}/document-${file}.md`;
}

/** Lengths vary from a few bytes to about 200 KB, so a torn write changes the length or the tail. */
export function crashDocumentText(file: number, version: number): string {
  const length = 64 + ((version * 7919 + file * 104_729) % 200_000);
  const header = `---\nkey: DOC-${file}\nversion: ${version}\n---\n# Document ${file}, version ${version}\n`;
  const parts = [header];
  let size = header.length;
  for (let line = 0; size < length; line++) {
    const text = `Line ${line} of version ${version}: the quick brown fox jumps over the lazy dog.\n`;
    parts.push(text);
    size += text.length;
  }
  return parts.join('');
}

/** The version a text claims to be, if it carries one. */
export function crashDocumentVersion(text: string): number | undefined {
  const match = /^version: ([0-9]+)$/m.exec(text);
  return match ? Number(match[1]) : undefined;
}
