/**
 * Renames a key everywhere it is defined or linked, in all files or none. Files are parsed with the
 * shared grammar, so a `[[KEY]]` inside fenced code or a code span is left alone.
 */
import { isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { joinDocument, setFrontMatterFields, splitDocument } from '../../shared/frontMatter/frontMatter.js';
import {
  formatReference,
  formatRequirementOpen,
  isKey,
  parseRequirementOpen,
  referenceAtStart,
  referenceFromMatch,
  splitKey,
  type RequirementAttributes,
} from '../../shared/grammar/linkGrammar.js';
import { scanMarkdown } from '../../shared/grammar/markdownScanner.js';
import type { DocumentStore, LoadedFile, SaveAllOptions } from './documentStore.js';
import { carryApprovals, renameReviewStamp } from './rekeySignOff.js';
import { linkFields } from './fieldLines.js';

export type RekeyResult =
  | { ok: true; changedFiles: string[] }
  | {
      ok: false;
      error: 'not-found' | 'exists' | 'invalid-key' | 'ambiguous' | 'conflict' | 'io';
      message: string;
      /** For `ambiguous`: every file that defines the old key. */
      definedIn?: string[];
    };

export interface RekeyOptions extends SaveAllOptions {
  /** JSON files whose `items[].key` are keys too, such as `roadmap.json`. */
  extraFiles?: string[];
  /**
   * The one file whose definition of the old key is renamed. Needed when several files define it (a
   * duplicate): then only that definition changes, and links to the key keep meaning the others.
   */
  file?: string;
  /**
   * With `file`, the line of the one definition to rename when that file defines the key more than
   * once (a requirement's opening line; 1 for the front matter's key).
   */
  line?: number;
}

const readConcurrency = 32;

export async function rekey(
  store: DocumentStore,
  oldKey: string,
  newKey: string,
  options: RekeyOptions = {},
): Promise<RekeyResult> {
  for (const key of [oldKey, newKey]) {
    if (!isKey(key)) {
      return {
        ok: false,
        error: 'invalid-key',
        message: `${JSON.stringify(key)} is not a key; keys look like SPEC-3.`,
      };
    }
  }
  if (oldKey === newKey) {
    return { ok: false, error: 'invalid-key', message: `The new key is the same as the old one, ${oldKey}.` };
  }
  // The prefix says what a key names (SPEC-, STORY-, REQ-, RM-): a rename keeps it.
  const [oldPrefix, newPrefix] = [oldKey, newKey].map((key) => splitKey(key)?.prefix);
  if (oldPrefix !== newPrefix) {
    return {
      ok: false,
      error: 'invalid-key',
      message: `${newKey} is another kind of key than ${oldKey}; the new key must start with ${oldPrefix}- too.`,
    };
  }
  const loaded = await loadFiles(store, [oldKey, newKey], options.extraFiles ?? []);
  if (!Array.isArray(loaded)) return loaded;
  const definitions = (key: string) =>
    loaded.flatMap((file) => Array<string>(definitionsOf(file, key)).fill(file.file.path));
  const places = definitions(oldKey);
  if (places.length === 0) {
    return {
      ok: false,
      error: 'not-found',
      message: `No document, requirement or roadmap item has the key ${oldKey}.`,
    };
  }
  const taken = definitions(newKey)[0];
  if (taken !== undefined) {
    return { ok: false, error: 'exists', message: `${newKey} is already used in ${taken}.` };
  }
  const chosen = chooseDefinition(oldKey, places, options.file, options.line);
  if (!chosen.ok) return chosen;
  if (chosen.line !== undefined) {
    const file = loaded.find((candidate) => candidate.file.path === chosen.only)!;
    if (!definitionLines(file.file.text, oldKey).includes(chosen.line)) {
      return {
        ok: false,
        error: 'not-found',
        message: `${chosen.only} does not define ${oldKey} at line ${chosen.line}.`,
      };
    }
  }

  const changes: { path: string; text: string; expected: LoadedFile }[] = [];
  for (const { file, json } of loaded) {
    if (!mentions(file.text, oldKey)) continue;
    // A duplicate keeps its links: only the chosen file's definition is renamed.
    if (chosen.only !== undefined && file.path !== chosen.only) continue;
    const scope = chosen.only === undefined ? 'everything' : 'definition';
    const text = json
      ? rewriteItemKeys(file.text, oldKey, newKey)
      : rewriteMarkdown(file.text, oldKey, newKey, scope, chosen.line);
    if (text !== file.text) changes.push({ path: file.path, text, expected: file });
  }
  const saved = await store.saveAll(changes, options);
  if (!saved.ok) {
    const error = saved.error === 'conflict' || saved.error === 'deleted' ? 'conflict' : 'io';
    return { ok: false, error, message: saved.message };
  }
  return { ok: true, changedFiles: changes.map((change) => change.path).sort() };
}

interface Candidate {
  file: LoadedFile;
  json: boolean;
}

/** Reads every file that mentions either key, a few at a time; files that mention neither are dropped. */
async function loadFiles(
  store: DocumentStore,
  keys: string[],
  extraFiles: string[],
): Promise<Candidate[] | Extract<RekeyResult, { ok: false }>> {
  const listed = (await store.listMarkdownFiles()).map((file) => ({ path: file.path, json: false }));
  const all = [...listed, ...extraFiles.map((extra) => ({ path: extra, json: true }))];
  const candidates: Candidate[] = [];
  for (let start = 0; start < all.length; start += readConcurrency) {
    const batch = all.slice(start, start + readConcurrency);
    const results = await Promise.all(batch.map(({ path }) => store.read(path)));
    for (const [index, result] of results.entries()) {
      const json = batch[index]!.json;
      if (result.ok) {
        if (keys.some((key) => mentions(result.file.text, key))) candidates.push({ file: result.file, json });
      } else if (result.error === 'unreadable' || (json && result.error !== 'not-found')) {
        // A file that might hold the key but cannot be read would be left behind: stop.
        return {
          ok: false,
          error: 'io',
          message: `${result.message.replace(/\.$/, '')}; no file was changed.`,
        };
      }
    }
  }
  return candidates;
}

/** Whether the key appears as a whole word: `SPEC-1` is not in `SPEC-12` (a quick filter, not a parse). */
function mentions(text: string, key: string): boolean {
  for (let index = text.indexOf(key); index !== -1; index = text.indexOf(key, index + 1)) {
    if (!/[A-Za-z0-9-]/.test(text[index - 1] ?? '') && !/[0-9]/.test(text[index + key.length] ?? ''))
      return true;
  }
  return false;
}

/** How many times a file defines the key: as its own key, a requirement's or a roadmap item's. */
function definitionsOf({ file, json }: Candidate, key: string): number {
  if (!mentions(file.text, key)) return 0;
  if (json) return itemKeys(file.text).filter((item) => item === key).length;
  const split = splitDocument(file.text);
  const requirements = scanMarkdown(split.body).requirements.filter(
    (requirement) => requirement.attributes.key === key,
  ).length;
  return (split.frontMatter?.data.key === key ? 1 : 0) + requirements;
}

/**
 * Which definition to rename: the one there is, or, when a key is defined more than once, the one
 * in `file` (then only it, as `only`). A file defining the key twice cannot say which it means.
 */
function chooseDefinition(
  key: string,
  places: string[],
  file: string | undefined,
  line?: number,
): { ok: true; only?: string; line?: number } | Extract<RekeyResult, { ok: false }> {
  const files = [...new Set(places)];
  if (file !== undefined && !files.includes(file)) {
    return {
      ok: false,
      error: 'not-found',
      message: `${file} does not define ${key}; it is defined in ${files.join(', ')}.`,
    };
  }
  if (places.length === 1) return { ok: true };
  if (file === undefined) {
    return {
      ok: false,
      error: 'ambiguous',
      message: `${key} is defined ${places.length} times (${files.join(', ')}); say which file's ${key} to rename.`,
      definedIn: files,
    };
  }
  if (places.filter((place) => place === file).length > 1) {
    if (line !== undefined) return { ok: true, only: file, line };
    return {
      ok: false,
      error: 'ambiguous',
      message: `${file} defines ${key} more than once; rename one of them there by hand.`,
      definedIn: files,
    };
  }
  return { ok: true, only: file };
}

/** `everything`: the key and every link to it; `definition`: only where this file defines the key. */
type RewriteScope = 'everything' | 'definition';

/** The file lines where a Markdown file defines the key: 1 for its front matter, each requirement's opening line. */
function definitionLines(text: string, key: string): number[] {
  const split = splitDocument(text);
  const requirements = scanMarkdown(split.body)
    .requirements.filter((requirement) => requirement.attributes.key === key)
    .map((requirement) => requirement.line + split.bodyLine - 1);
  return [...(split.frontMatter?.data.key === key ? [1] : []), ...requirements];
}

function rewriteMarkdown(
  text: string,
  oldKey: string,
  newKey: string,
  scope: RewriteScope,
  /** Only the definition at this file line (1: the front matter's key). */
  line?: number,
): string {
  const split = splitDocument(text);
  const frontMatter = split.frontMatter;
  let raw = frontMatter?.raw;
  const bodyLine = line === undefined ? undefined : line - split.bodyLine + 1;
  const body = rewriteBody(split.body, oldKey, newKey, scope, bodyLine);
  if (frontMatter && raw !== undefined && !frontMatter.error) {
    if (frontMatter.data.key === oldKey && (line === undefined || line === 1))
      raw = setFrontMatterFields(raw, { key: newKey });
    if (scope === 'everything')
      raw = renameReviewStamp(rewriteLinkFields(raw, oldKey, newKey), oldKey, newKey);
    raw = carryApprovals(raw, split.body, body);
  }
  return joinDocument({ ...split, frontMatter: frontMatter && { ...frontMatter, raw: raw! }, body });
}

/**
 * Replaces the key inside the link fields (`implements:`, `depends:` …) where it stands, so a block list stays a
 * block list; anything unusual goes through setFrontMatterFields instead.
 */
function rewriteLinkFields(raw: string, oldKey: string, newKey: string): string {
  const frontMatter = splitDocument(raw).frontMatter;
  if (!frontMatter || frontMatter.error) return raw;
  const { data, yaml } = frontMatter;
  const fields = linkFields.filter((field) => {
    const value = data[field];
    return value === oldKey || (Array.isArray(value) && value.includes(oldKey));
  });
  if (fields.length === 0) return raw;
  const yamlStart = raw.indexOf('\n') + 1;
  const document = parseDocument(yaml);
  const ranges: [number, number][] = [];
  for (const field of fields) {
    const node = document.get(field, true) as YamlNode | undefined;
    for (const item of isSeq(node) ? node.items : [node]) {
      if (isScalar(item) && item.value === oldKey && item.range) ranges.push([item.range[0], item.range[1]]);
    }
  }
  let result = yaml;
  for (const [start, end] of ranges.sort((a, b) => b[0] - a[0])) {
    const source = result.slice(start, end);
    if (!/^(["']?)[A-Z0-9-]+\1$/.test(source)) return setLinkFields(raw, data, fields, oldKey, newKey);
    result = result.slice(0, start) + source.replace(oldKey, newKey) + result.slice(end);
  }
  const candidate = raw.slice(0, yamlStart) + result + raw.slice(yamlStart + yaml.length);
  const check = splitDocument(candidate).frontMatter?.data;
  const matches = fields.every((field) => same(check?.[field], renamed(data[field], oldKey, newKey)));
  return matches ? candidate : setLinkFields(raw, data, fields, oldKey, newKey);
}

function setLinkFields(
  raw: string,
  data: Record<string, unknown>,
  fields: readonly string[],
  oldKey: string,
  newKey: string,
): string {
  return setFrontMatterFields(
    raw,
    Object.fromEntries(fields.map((field) => [field, renamed(data[field], oldKey, newKey)])),
  );
}

function renamed(value: unknown, oldKey: string, newKey: string): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === oldKey ? newKey : item));
  return value === oldKey ? newKey : value;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Rewrites requirement opening lines and references found by the scanner, nothing else. */
function rewriteBody(
  body: string,
  oldKey: string,
  newKey: string,
  scope: RewriteScope,
  /** Only the requirement opening at this body line. */
  only?: number,
): string {
  const scan = scanMarkdown(body);
  const lines = body.split('\n');
  const edits = new Map<number, { column: number; length: number; text: string }[]>();
  const addEdit = (line: number, edit: { column: number; length: number; text: string }) =>
    edits.set(line, [...(edits.get(line) ?? []), edit]);

  for (const requirement of scan.requirements) {
    const { attributes } = requirement;
    const links = scope === 'everything' && attributes.roadmap.includes(oldKey);
    if (attributes.key !== oldKey && !links) continue;
    if (only !== undefined && requirement.line !== only) continue;
    const line = lines[requirement.line - 1]!.replace(/\r$/, '');
    addEdit(requirement.line - 1, {
      column: 0,
      length: line.length,
      text: rewriteRequirementOpen(line, attributes, oldKey, newKey, scope),
    });
  }
  for (const reference of scope === 'everything' ? scan.references : []) {
    if (reference.target !== oldKey && reference.anchor !== oldKey) continue;
    const rewritten = rewriteReference(lines[reference.line - 1]!, reference.column, oldKey, newKey);
    if (rewritten) addEdit(reference.line - 1, rewritten);
  }
  for (const [index, lineEdits] of edits) {
    let line = lines[index]!;
    for (const edit of lineEdits.sort((a, b) => b.column - a.column)) {
      line = line.slice(0, edit.column) + edit.text + line.slice(edit.column + edit.length);
    }
    lines[index] = line;
  }
  return lines.join('\n');
}

/** The `[[…]]` at a 1-based column of a line, pointed from one key to another: the edit to make there. */
export function rewriteReference(
  line: string,
  column: number,
  oldKey: string,
  newKey: string,
): { column: number; length: number; text: string } | undefined {
  const match = referenceAtStart.exec(line.slice(column - 1));
  if (!match) return undefined;
  const parsed = referenceFromMatch(match);
  if (parsed.target === oldKey) parsed.target = newKey;
  if (parsed.anchor === oldKey) parsed.anchor = newKey;
  return { column: column - 1, length: match[0].length, text: formatReference(parsed) };
}

/** Changes only the key's own characters in the line; falls back to the canonical form if that fails. */
export function rewriteRequirementOpen(
  line: string,
  attributes: RequirementAttributes,
  oldKey: string,
  newKey: string,
  scope: RewriteScope,
): string {
  const links = scope === 'everything';
  const expected: RequirementAttributes = {
    ...attributes,
    key: attributes.key === oldKey ? newKey : attributes.key,
    roadmap: links ? attributes.roadmap.map((key) => (key === oldKey ? newKey : key)) : attributes.roadmap,
  };
  const renamedKey = line.replace(new RegExp(`(?<=[{\\s])#${oldKey}(?=[\\s}])`), `#${newKey}`);
  const candidate = links
    ? renamedKey.replace(/(?<=[{\s])roadmap=("?)([^\s"}]*)\1/, (_all, quote: string, list: string) => {
        const keys = list.split(',').map((key) => (key === oldKey ? newKey : key));
        return `roadmap=${quote}${keys.join(',')}${quote}`;
      })
    : renamedKey;
  return same(parseRequirementOpen(candidate), expected) ? candidate : formatRequirementOpen(expected);
}

interface RoadmapJson {
  items?: { key?: unknown }[];
  releases?: { key?: unknown; items?: unknown }[];
}

/** The keys of `items[]` and `releases[]` in a roadmap-style JSON file. */
function itemKeys(text: string): string[] {
  try {
    const data = JSON.parse(text) as RoadmapJson;
    return [...(data.items ?? []), ...(Array.isArray(data.releases) ? data.releases : [])]
      .map((item) => item.key)
      .filter((key): key is string => typeof key === 'string');
  } catch {
    return [];
  }
}

/**
 * Renames the key where it stands as a whole string (an item's or release's `"key"`, a release's
 * `items`); if that would touch anything else, rewrites the JSON.
 */
function rewriteItemKeys(text: string, oldKey: string, newKey: string): string {
  const data = JSON.parse(text) as RoadmapJson;
  const rename = <T extends { key?: unknown }>(entry: T): T =>
    entry.key === oldKey ? { ...entry, key: newKey } : entry;
  const expected = {
    ...data,
    items: data.items?.map(rename),
    ...(Array.isArray(data.releases)
      ? {
          releases: data.releases.map((release) => ({
            ...rename(release),
            ...(Array.isArray(release.items)
              ? { items: release.items.map((item: unknown) => (item === oldKey ? newKey : item)) }
              : {}),
          })),
        }
      : {}),
  };
  const candidate = text.replace(new RegExp(`"${oldKey}"(?!\\s*:)`, 'g'), `"${newKey}"`);
  try {
    if (same(JSON.parse(candidate), expected)) return candidate;
  } catch {
    // fall through to a full rewrite
  }
  return `${JSON.stringify(expected, null, 2)}\n`;
}
