/**
 * Short fingerprints of what a reviewer signed off: a requirement's text (what a story was written
 * against, `reviewed: {REQ-12: 3f2a9c1e}`) and a spec's requirements (what an approval approved).
 * Layout does not count (line endings, trailing spaces, blank lines); words do.
 */

/** FNV-1a over UTF-16 code units, as 8 hex digits: cheap enough to run over every requirement on open. */
export function textFingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The text of a requirement with layout removed: lines trimmed at the end, blank runs dropped. */
export function requirementText(body: string): string {
  const lines: string[] = [];
  for (const line of body.split('\n')) {
    const trimmed = line.trimEnd();
    if (trimmed !== '') lines.push(trimmed);
  }
  return lines.join('\n');
}

export function requirementFingerprint(body: string): string {
  return textFingerprint(requirementText(body));
}

/** A spec's fingerprint: its requirements' keys, priorities and texts, in order. */
export function specFingerprint(
  requirements: readonly { key: string; priority?: string; fingerprint: string }[],
): string {
  return textFingerprint(
    requirements
      .map((requirement) => `${requirement.key} ${requirement.priority ?? ''} ${requirement.fingerprint}`)
      .join('\n'),
  );
}
