/** HTML comments in Markdown (template guidance, notes to self): content no reader sees. */

/**
 * A line with its comments replaced by a space, and whether a comment is still open at its end;
 * `inComment` says whether one was open at its start.
 */
export function withoutComments(line: string, inComment: boolean): { text: string; inComment: boolean } {
  let output = '';
  let position = 0;
  while (position < line.length) {
    if (inComment) {
      const end = line.indexOf('-->', position);
      if (end === -1) return { text: output, inComment: true };
      position = end + 3;
      inComment = false;
      continue;
    }
    const start = line.indexOf('<!--', position);
    if (start === -1) return { text: output + line.slice(position), inComment: false };
    output += line.slice(position, start) + ' ';
    position = start + 4;
    inComment = true;
  }
  return { text: output, inComment };
}
