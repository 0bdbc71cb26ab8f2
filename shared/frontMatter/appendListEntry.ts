/**
 * Adds one entry to a front-matter list (a spec's `approvals:`) in the list's own style, changing no
 * other byte: a flow list gains `, {…}` before its `]`, a block list a `- …` item after its last one.
 * The earlier entries keep their fields, order, quotes and comments. Where the list's source is
 * unusual, the field is written through setFrontMatterFields with the entries as read.
 */
import { Document, isSeq, parseDocument } from 'yaml';
import { formatField, setFrontMatterFields, splitDocument } from './frontMatter.js';

export function appendListEntry(raw: string, field: string, entry: unknown, eol = '\n'): string {
  const frontMatter = splitDocument(raw).frontMatter;
  if (!frontMatter || frontMatter.error) return setFrontMatterFields(raw, { [field]: [entry] }, eol);
  const current: unknown = frontMatter.data[field];
  const expected = [...(Array.isArray(current) ? (current as unknown[]) : []), entry];
  if (!Array.isArray(current)) return setFrontMatterFields(raw, { [field]: expected }, eol);
  const { yaml } = frontMatter;
  const yamlStart = raw.indexOf('\n') + 1;
  const lineEnding = raw.includes('\r\n') ? '\r\n' : '\n';
  const list = parseDocument(yaml).get(field, true);
  let edited: string | undefined;
  if (isSeq(list) && list.range) {
    const [start, end] = list.range;
    edited = list.flow
      ? appendFlow(yaml, start, end, entry)
      : appendBlock(yaml, start, end, entry, lineEnding);
  }
  if (edited !== undefined) {
    const candidate = raw.slice(0, yamlStart) + edited + raw.slice(yamlStart + yaml.length);
    const check = splitDocument(candidate).frontMatter;
    const others = (data: Record<string, unknown>) => JSON.stringify({ ...data, [field]: undefined });
    if (
      check &&
      !check.error &&
      JSON.stringify(check.data[field]) === JSON.stringify(expected) &&
      others(check.data) === others(frontMatter.data)
    )
      return candidate;
  }
  return setFrontMatterFields(raw, { [field]: expected }, eol);
}

/** `[a, b]` → `[a, b, {entry}]`: the entry goes before the closing bracket. */
function appendFlow(yaml: string, start: number, end: number, entry: unknown): string | undefined {
  const source = yaml.slice(start, end);
  const close = source.lastIndexOf(']');
  if (close === -1) return undefined;
  const before = source.slice(0, close);
  const empty = /^\[\s*$/.test(before);
  const text = formatField('x', entry).slice('x: '.length);
  const insert = empty ? text : `${before.trimEnd().endsWith(',') ? ' ' : ', '}${text}`;
  const at = start + (empty ? close : before.trimEnd().length);
  return yaml.slice(0, at) + insert + yaml.slice(at);
}

/** A block list's new `- …` item, indented as the first one, after the line its last item ends on. */
function appendBlock(
  yaml: string,
  start: number,
  end: number,
  entry: unknown,
  eol: string,
): string | undefined {
  const lineStart = yaml.lastIndexOf('\n', start - 1) + 1;
  const indent = yaml.slice(lineStart, start);
  if (!/^[ ]*$/.test(indent)) return undefined;
  const item = new Document([entry]).toString({ lineWidth: 0, flowCollectionPadding: false });
  const lines = item.replace(/\n$/, '').split('\n');
  const text = lines.map((line) => `${indent}${line}`).join(eol) + eol;
  // The list's value ends after its last item's text; the item goes at the start of the next line.
  const newline = yaml.indexOf('\n', Math.max(end - 1, start));
  const at = newline === -1 ? yaml.length : newline + 1;
  const separator = newline === -1 && !yaml.endsWith('\n') ? eol : '';
  return yaml.slice(0, at) + separator + text + yaml.slice(at);
}
