/**
 * A fast path for the front matter nearly every Specbench file has (`key: value` lines and flow lists
 * of plain words): parsing 10,000 of them with the full YAML parser takes about 2 s. Anything outside
 * this subset returns undefined, and the caller uses `splitDocument`, whose result this must equal.
 */
import { splitDocument, type SplitDocument } from '../../shared/frontMatter/frontMatter.js';

const bom = '\uFEFF';
const openPattern = /^---[ \t]*\r?\n/;
const closePattern = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;
const fieldPattern = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+(.*?))?[ \t]*$/;
/** A plain scalar that cannot start an indicator, hold a comment or a mapping, or need escapes. */
const plainPattern = /^(?:[A-Za-z0-9_./(]|[-+][0-9.])[^:#'"[\]{},&*!|>%@`\t]*$/;
const nullPattern = /^(?:~|null|Null|NULL)$/;
const truePattern = /^(?:true|True|TRUE)$/;
const falsePattern = /^(?:false|False|FALSE)$/;
const integerPattern = /^[-+]?[0-9]+$/;
const floatPattern = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** Hexadecimal, octal, infinity and not-a-number: rare, so left to the full parser. */
const specialNumberPattern = /^(?:0[xo]|[-+]?\.(?:inf|nan)$)/i;

/** Same result as `splitDocument(text)`, faster for the common case. */
export function splitDocumentQuickly(text: string): SplitDocument {
  const hasBom = text.startsWith(bom);
  const content = hasBom ? text.slice(1) : text;
  const open = openPattern.exec(content);
  if (!open) return { bom: hasBom, body: content, bodyLine: 1 };
  closePattern.lastIndex = open[0].length;
  const close = closePattern.exec(content);
  if (!close) return { bom: hasBom, body: content, bodyLine: 1 };
  const yaml = content.slice(open[0].length, close.index);
  const data = parsePlainFrontMatter(yaml);
  if (data === undefined) return splitDocument(text);
  const end = close.index + close[0].length;
  const raw = content.slice(0, end);
  let lines = 0;
  for (let index = raw.indexOf('\n'); index !== -1; index = raw.indexOf('\n', index + 1)) lines++;
  return {
    bom: hasBom,
    frontMatter: { raw, yaml, data },
    body: content.slice(end),
    bodyLine: lines + (raw.endsWith('\n') ? 1 : 0),
  };
}

/** The fields of simple front matter, or undefined when it needs the full YAML parser. */
export function parsePlainFrontMatter(yaml: string): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  for (const rawLine of yaml.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line.trim() === '') continue;
    const field = fieldPattern.exec(line);
    if (!field) return undefined;
    const name = field[1]!;
    if (name === '__proto__' || Object.prototype.hasOwnProperty.call(data, name)) return undefined;
    // YAML reads such a key as null or a boolean, which becomes '' or 'true' as a property name.
    if (nullPattern.test(name) || truePattern.test(name) || falsePattern.test(name)) return undefined;
    const value = parseValue(field[2] ?? '');
    if (value === undefined) return undefined;
    data[name] = value.value;
  }
  return data;
}

function parseValue(source: string): { value: unknown } | undefined {
  if (source === '') return { value: null };
  if (source.startsWith('[')) {
    if (!source.endsWith(']')) return undefined;
    const inner = source.slice(1, -1).trim();
    if (inner === '') return { value: [] };
    const items: unknown[] = [];
    for (const part of inner.split(',')) {
      const item = part.trim();
      if (!plainPattern.test(item) || specialNumberPattern.test(item)) return undefined;
      items.push(resolvePlain(item));
    }
    return { value: items };
  }
  if (source.startsWith("'")) {
    const quoted = /^'((?:[^']|'')*)'$/.exec(source);
    return quoted ? { value: quoted[1]!.replace(/''/g, "'") } : undefined;
  }
  if (source.startsWith('"')) {
    const quoted = /^"([^"\\]*)"$/.exec(source);
    return quoted ? { value: quoted[1]! } : undefined;
  }
  if (!plainPattern.test(source) || specialNumberPattern.test(source)) return undefined;
  return { value: resolvePlain(source) };
}

/** YAML 1.2 core schema, as the `yaml` package resolves plain scalars. */
function resolvePlain(text: string): unknown {
  if (nullPattern.test(text)) return null;
  if (truePattern.test(text)) return true;
  if (falsePattern.test(text)) return false;
  if (integerPattern.test(text) || floatPattern.test(text)) return Number(text);
  return text;
}
