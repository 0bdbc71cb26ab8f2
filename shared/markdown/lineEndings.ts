/** A body's line endings: which one it mostly uses, and where its LF-normalized text's characters came from. */

/** For each offset in the LF-normalized body, the offset in the original body. */
export function normalizedOffsets(body: string): Uint32Array {
  const offsets = new Uint32Array(body.length);
  let normalizedIndex = 0;
  for (let index = 0; index < body.length; index++) {
    if (body[index] === '\r' && body[index + 1] === '\n') continue;
    offsets[normalizedIndex++] = index;
  }
  return offsets.subarray(0, normalizedIndex);
}

export function dominantLineEnding(body: string): '\n' | '\r\n' {
  const crlf = body.split('\r\n').length - 1;
  const lf = body.split('\n').length - 1 - crlf;
  return crlf > lf ? '\r\n' : '\n';
}
