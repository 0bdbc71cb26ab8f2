/**
 * The bookmarks of a PDF Chromium printed, with the page each leads to, read from the bytes: the
 * cross-reference table gives each object's offset, the catalog its page tree and outline. Chromium
 * (Skia) writes these objects as plain dictionaries, never inside compressed object streams.
 */

export interface OutlineItem {
  page: number;
  text: string;
}

/** The outline in document order (each item before its children); undefined when the PDF has none or is not as expected. */
export function pdfOutline(pdf: Uint8Array): OutlineItem[] | undefined {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const offsets = objectOffsets(text);
  if (offsets === undefined) return undefined;
  const object = (ref: number | undefined): string | undefined => {
    const at = ref === undefined ? undefined : offsets.get(ref);
    if (at === undefined) return undefined;
    const end = text.indexOf('endobj', at);
    return end === -1 ? undefined : text.slice(at, end);
  };
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const catalog = object(reference(trailer, 'Root'));
  if (catalog === undefined) return undefined;
  const pages = new Map<number, number>();
  const visitPages = (ref: number | undefined, depth: number): void => {
    const node = object(ref);
    if (node === undefined || depth > 64) return;
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node);
    if (kids === null) pages.set(ref!, pages.size + 1);
    else for (const kid of references(kids[1]!)) visitPages(kid, depth + 1);
  };
  visitPages(reference(catalog, 'Pages'), 0);
  const outline = object(reference(catalog, 'Outlines'));
  if (outline === undefined) return undefined;
  const items: OutlineItem[] = [];
  const seen = new Set<number>();
  const visitItems = (first: number | undefined): void => {
    for (let ref = first; ref !== undefined && !seen.has(ref);) {
      seen.add(ref);
      const item = object(ref);
      if (item === undefined) return;
      const target = /\/Dest\s*\[\s*(\d+)\s+\d+\s+R/.exec(item);
      const page = target === null ? undefined : pages.get(Number(target[1]));
      const title = titleOf(item);
      if (page !== undefined && title !== undefined) items.push({ page, text: title });
      visitItems(reference(item, 'First'));
      ref = reference(item, 'Next');
    }
  };
  visitItems(reference(outline, 'First'));
  return items;
}

/** Byte offset of each object, from the cross-reference table(s) `startxref` points at. */
function objectOffsets(text: string): Map<number, number> | undefined {
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (start === null) return undefined;
  const offsets = new Map<number, number>();
  const table = /^xref\s+/.exec(text.slice(Number(start[1]), Number(start[1]) + 5)) ? Number(start[1]) : -1;
  if (table === -1) return undefined;
  const section = /(\d+)\s+(\d+)\s*\r?\n/y;
  section.lastIndex = table + 4;
  for (;;) {
    while (/\s/.test(text[section.lastIndex] ?? '')) section.lastIndex++;
    const header = section.exec(text);
    if (header === null) break;
    const first = Number(header[1]);
    const count = Number(header[2]);
    let at = section.lastIndex;
    for (let index = 0; index < count; index++) {
      const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(text.slice(at, at + 20));
      if (entry === null) return undefined;
      if (entry[3] === 'n') offsets.set(first + index, Number(entry[1]));
      at += 20;
    }
    section.lastIndex = at;
  }
  return offsets;
}

/** The object number of `/Key N 0 R` in a dictionary. */
function reference(dictionary: string, key: string): number | undefined {
  const found = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dictionary);
  return found === null ? undefined : Number(found[1]);
}

function references(list: string): number[] {
  return Array.from(list.matchAll(/(\d+)\s+\d+\s+R/g), (match) => Number(match[1]));
}

/** An item's /Title: a literal string (PDFDocEncoding, escapes) or a hex one (UTF-16BE with its mark). */
function titleOf(item: string): string | undefined {
  const at = /\/Title\s*([(<])/.exec(item);
  if (at === null) return undefined;
  const start = at.index + at[0].length;
  if (at[1] === '<') {
    const end = item.indexOf('>', start);
    return end === -1
      ? undefined
      : decodeBytes(Buffer.from(item.slice(start, end).replace(/\s+/g, ''), 'hex'));
  }
  const bytes: number[] = [];
  let depth = 0;
  for (let index = start; index < item.length; index++) {
    const char = item[index]!;
    if (char === '\\') {
      const next = item[++index] ?? '';
      const octal = /^[0-7]{1,3}/.exec(item.slice(index, index + 3));
      if (octal) {
        bytes.push(parseInt(octal[0], 8) & 0xff);
        index += octal[0].length - 1;
      } else if (next === '\r' || next === '\n') {
        if (next === '\r' && item[index + 1] === '\n') index++;
      } else bytes.push((escapes[next] ?? next).charCodeAt(0));
      continue;
    }
    if (char === '(') depth++;
    if (char === ')' && depth-- === 0) return decodeBytes(Buffer.from(bytes));
    bytes.push(char.charCodeAt(0));
  }
  return undefined;
}

const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

function decodeBytes(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)))
      .swap16()
      .toString('utf16le');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  return bytes.toString('latin1');
}
