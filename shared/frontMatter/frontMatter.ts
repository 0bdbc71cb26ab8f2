/**
 * YAML front matter: split off before the Markdown codec sees the body, parsed safely (YAML only,
 * alias and size limits, no prototype pollution) and written back byte for byte unless a field changed.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, type Node, type YAMLSeq } from 'yaml';
import { yamlErrorLine } from './yamlErrorLine.js';

export const frontMatterSizeLimit = 256 * 1024;
const aliasLimit = 50;
const bom = '\uFEFF';

export interface FrontMatterError {
  message: string;
  /** 1-based line in the file. */
  line: number;
}

export interface FrontMatter {
  /** The whole block as in the file: opening `---`, YAML, closing line and its line ending. */
  raw: string;
  /** The YAML between the fences. */
  yaml: string;
  /** Parsed fields; empty when the YAML is malformed (see `error`). */
  data: Record<string, unknown>;
  error?: FrontMatterError;
}

export interface SplitDocument {
  /** Whether the file starts with a byte-order mark. */
  bom: boolean;
  frontMatter?: FrontMatter;
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
}

const openPattern = /^---[ \t]*\r?\n/;
const closePattern = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;

export interface SplitOptions {
  /**
   * A number whose text reads differently from the number (`1.10`, `012`, `1e3`) is kept as that
   * text, for showing front matter as written; the index keeps numbers as numbers.
   */
  numbersAsWritten?: boolean;
}

/** Splits a file's text into BOM, front matter and body; `joinDocument` reverses it exactly. */
export function splitDocument(text: string, options: SplitOptions = {}): SplitDocument {
  const hasBom = text.startsWith(bom);
  const content = hasBom ? text.slice(1) : text;
  const open = openPattern.exec(content);
  if (!open) return { bom: hasBom, body: content, bodyLine: 1 };
  closePattern.lastIndex = open[0].length;
  const close = closePattern.exec(content);
  if (!close) return { bom: hasBom, body: content, bodyLine: 1 };
  const end = close.index + close[0].length;
  const raw = content.slice(0, end);
  const yaml = content.slice(open[0].length, close.index);
  return {
    bom: hasBom,
    frontMatter: parseFrontMatter(raw, yaml, options),
    body: content.slice(end),
    bodyLine: countLines(raw) + (raw.endsWith('\n') ? 1 : 0),
  };
}

export function joinDocument(document: SplitDocument): string {
  return (document.bom ? bom : '') + (document.frontMatter?.raw ?? '') + document.body;
}

function parseFrontMatter(raw: string, yaml: string, options: SplitOptions): FrontMatter {
  if (yaml.length > frontMatterSizeLimit) {
    return {
      raw,
      yaml,
      data: {},
      error: { message: `front matter is larger than ${frontMatterSizeLimit / 1024} KB`, line: 2 },
    };
  }
  const document = parseDocument(yaml, { prettyErrors: true, uniqueKeys: true, logLevel: 'error' });
  const first = document.errors[0];
  if (first) {
    // Lines within the YAML, after the opening ---; the finding's own line is the file's, so the parser's count goes.
    const line = yamlErrorLine(yaml, first.pos[0]) + 1;
    const message = firstLine(first.message).replace(/ at line \d+, column \d+:?$/, '');
    return { raw, yaml, data: {}, error: { message, line } };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: aliasLimit });
  } catch (error) {
    return { raw, yaml, data: {}, error: { message: firstLine(String((error as Error).message)), line: 2 } };
  }
  if (value === null || value === undefined) return { raw, yaml, data: {} };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { raw, yaml, data: {}, error: { message: 'front matter must be a mapping of fields', line: 2 } };
  }
  const data = safeCopy(value) as Record<string, unknown>;
  if (options.numbersAsWritten === true && document.contents !== null)
    writtenNumbers(yaml, document.contents, data);
  return { raw, yaml, data };
}

/** Puts back, into the parsed value of `node`, the text of each number that reads differently from it. */
function writtenNumbers(yaml: string, node: Node, value: unknown): unknown {
  if (isScalar(node)) {
    if (typeof value !== 'number' || node.range === undefined || node.range === null) return value;
    const text = yaml.slice(node.range[0], node.range[1]);
    return String(value) === text ? value : text;
  }
  if (isSeq(node) && Array.isArray(value)) {
    node.items.forEach((item, index) => {
      if (index < value.length) value[index] = writtenNumbers(yaml, item as Node, value[index]);
    });
  } else if (isMap(node) && value !== null && typeof value === 'object') {
    const fields = value as Record<string, unknown>;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined && Object.hasOwn(fields, key) && pair.value !== null)
        fields[key] = writtenNumbers(yaml, pair.value as Node, fields[key]);
    }
  }
  return value;
}

/** Copies parsed YAML into fresh objects whose keys are own properties, so `__proto__` pollutes nothing. */
function safeCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(safeCopy);
  if (value instanceof Date) return dateText(value);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(copy, key, {
      value: safeCopy(item),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** A YAML timestamp as people write it: `2018-12-21` for a day, `2018-12-21T10:30:00Z` with a time. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return String(date);
  const iso = date.toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.replace('.000Z', 'Z');
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

/**
 * Returns the front-matter block with some fields set (or removed, for `undefined`), changing as
 * few lines as possible: a plain `key: value` line is replaced in place, anything else goes through
 * the YAML document model, which keeps comments and the order of fields.
 */
export function setFrontMatterFields(
  raw: string | undefined,
  changes: Record<string, unknown>,
  eol = '\n',
): string {
  if (raw === undefined) {
    const lines = Object.entries(changes)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => formatField(key, value));
    return ['---', ...lines, '---', ''].join(eol);
  }
  const split = splitDocument(raw);
  const frontMatter = split.frontMatter;
  if (!frontMatter) throw new Error('setFrontMatterFields: not a front-matter block');
  const openLength = openPattern.exec(raw)![0].length;
  const closing = raw.slice(openLength + frontMatter.yaml.length);
  const lineEnding = raw.includes('\r\n') ? '\r\n' : eol;
  let yaml = frontMatter.yaml;
  const remaining: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    const replaced = replaceSimpleLine(yaml, key, value, lineEnding);
    if (replaced === undefined) remaining[key] = value;
    else yaml = replaced;
  }
  if (Object.keys(remaining).length > 0) yaml = setThroughDocument(yaml, remaining, lineEnding);
  return raw.slice(0, openLength) + yaml + closing;
}

function replaceSimpleLine(yaml: string, key: string, value: unknown, eol: string): string | undefined {
  if (!/^[A-Za-z_][\w-]*$/.test(key)) return undefined;
  const pattern = new RegExp(`^${key}:[ \\t]*([^\\n#]*?)[ \\t]*(#[^\\n]*)?(\\r?)$`, 'm');
  const match = pattern.exec(yaml);
  if (!match) {
    if (value === undefined || new RegExp(`^${key}:`, 'm').test(yaml)) return undefined;
    const separator = yaml === '' || yaml.endsWith('\n') ? '' : eol;
    return `${yaml}${separator}${formatField(key, value)}${eol}`;
  }
  const current = match[1]!;
  // A value continued on the next lines (a block list or map) needs the document model.
  const next = yaml.slice(match.index + match[0].length + 1);
  if (current === '' || current === '|' || current === '>' || /^[ \t]+\S/.test(next.split('\n')[0] ?? '')) {
    return undefined;
  }
  if (value === undefined) {
    const end = match.index + match[0].length;
    return yaml.slice(0, match.index) + yaml.slice(yaml[end] === '\n' ? end + 1 : end);
  }
  const comment = match[2] ? ` ${match[2]}` : '';
  return (
    yaml.slice(0, match.index) +
    formatField(key, value) +
    comment +
    match[3] +
    yaml.slice(match.index + match[0].length)
  );
}

function setThroughDocument(yaml: string, changes: Record<string, unknown>, eol: string): string {
  const document = parseDocument(yaml.replace(/\r\n/g, '\n'));
  if (!isMap(document.contents) && document.contents !== null)
    throw new Error('front matter is not a mapping');
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) document.delete(key);
    else if (Array.isArray(value) && isSeq(document.get(key, true))) {
      document.set(key, editedList(document, document.get(key, true) as YAMLSeq, value));
    } else {
      const node = document.createNode(value);
      if (isMap(node) || isSeq(node)) node.flow = true;
      document.set(key, node);
    }
  }
  const text = document.toString({ lineWidth: 0, flowCollectionPadding: false });
  return eol === '\n' ? text : text.replace(/\n/g, eol);
}

/**
 * A list edited in its own style: a block list stays a block list, and each entry kept keeps its
 * node (quotes, comments) so only added and removed entries change lines.
 */
function editedList(document: Document, list: YAMLSeq, values: unknown[]): YAMLSeq {
  const kept = [...list.items];
  const items = values.map((value) => {
    const at = kept.findIndex((item) => isScalar(item) && item.value === value);
    if (at === -1) return document.createNode(value);
    return kept.splice(at, 1)[0];
  });
  list.items = items;
  return list;
}

/** One `key: value` line in flow style as the docs write it (`[REQ-1, REQ-2]`), quoting only where YAML needs it. */
export function formatField(key: string, value: unknown): string {
  const document = new Document(value);
  if (isMap(document.contents) || isSeq(document.contents)) document.contents.flow = true;
  return `${key}: ${document.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd()}`;
}
