/**
 * Points chosen links from one key to another, each named by its file and line: after the newer copy
 * of a duplicate key was given a new key, the links its author wrote beside it follow it. All files
 * or none; a line that no longer links to the old key stops the whole change.
 */
import { isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { joinDocument, splitDocument } from '../../shared/frontMatter/frontMatter.js';
import { scanMarkdown } from '../../shared/grammar/markdownScanner.js';
import type { DocumentStore, SaveAllOptions } from './documentStore.js';
import { rewriteReference, rewriteRequirementOpen } from './rekey.js';
import { renameReviewStamp } from './rekeySignOff.js';
import { linkFields } from './fieldLines.js';

export interface ReferencePlace {
  path: string;
  /** The file's line (1-based, front matter included). */
  line: number;
}

export type RepointResult =
  | { ok: true; changedFiles: string[] }
  | { ok: false; error: 'not-found' | 'conflict' | 'io'; message: string };

/** The text with the links to `oldKey` on `lines` pointed to `newKey`, or the first line that has none. */
export function repointText(
  text: string,
  oldKey: string,
  newKey: string,
  lines: readonly number[],
): { ok: true; text: string } | { ok: false; line: number } {
  const split = splitDocument(text);
  const frontMatter = split.frontMatter;
  const wanted = new Set(lines);
  const done = new Set<number>();
  let raw = frontMatter?.raw;
  if (frontMatter && raw !== undefined && !frontMatter.error) {
    const yamlStart = raw.indexOf('\n') + 1;
    const document = parseDocument(frontMatter.yaml);
    const edits: [number, number][] = [];
    for (const field of linkFields) {
      const node = document.get(field, true) as YamlNode | undefined;
      for (const item of isSeq(node) ? node.items : [node]) {
        if (!isScalar(item) || item.value !== oldKey || !item.range) continue;
        // Line 1 is the opening `---`; the YAML starts on line 2.
        const line = 2 + frontMatter.yaml.slice(0, item.range[0]).split('\n').length - 1;
        if (!wanted.has(line)) continue;
        edits.push([item.range[0], item.range[1]]);
        done.add(line);
      }
    }
    let yaml = frontMatter.yaml;
    for (const [start, end] of edits.sort((a, b) => b[0] - a[0]))
      yaml = yaml.slice(0, start) + yaml.slice(start, end).replace(oldKey, newKey) + yaml.slice(end);
    if (edits.length > 0) {
      raw = raw.slice(0, yamlStart) + yaml + raw.slice(yamlStart + frontMatter.yaml.length);
      // The story was reviewed against the copy its links meant: the stamp follows them.
      raw = renameReviewStamp(raw, oldKey, newKey);
    }
  }
  const bodyLines = split.body.split('\n');
  const edits: { index: number; column: number; length: number; text: string }[] = [];
  const scan = scanMarkdown(split.body);
  for (const requirement of scan.requirements) {
    // A requirement's `roadmap=` link: only that key in the opening line changes.
    const line = requirement.line + split.bodyLine - 1;
    const { attributes } = requirement;
    if (!wanted.has(line) || attributes.key === oldKey || !attributes.roadmap.includes(oldKey)) continue;
    const source = bodyLines[requirement.line - 1]!;
    const ending = source.endsWith('\r') ? '\r' : '';
    const open = source.slice(0, source.length - ending.length);
    const text = rewriteRequirementOpen(open, attributes, oldKey, newKey, 'everything');
    edits.push({ index: requirement.line - 1, column: 0, length: open.length, text });
    done.add(line);
  }
  for (const reference of scan.references) {
    const line = reference.line + split.bodyLine - 1;
    if (!wanted.has(line) || (reference.target !== oldKey && reference.anchor !== oldKey)) continue;
    const rewritten = rewriteReference(bodyLines[reference.line - 1]!, reference.column, oldKey, newKey);
    if (!rewritten) continue;
    edits.push({ index: reference.line - 1, ...rewritten });
    done.add(line);
  }
  for (const edit of edits.sort((a, b) => b.column - a.column)) {
    const source = bodyLines[edit.index]!;
    bodyLines[edit.index] =
      source.slice(0, edit.column) + edit.text + source.slice(edit.column + edit.length);
  }
  const missing = lines.find((line) => !done.has(line));
  if (missing !== undefined) return { ok: false, line: missing };
  return {
    ok: true,
    text: joinDocument({
      ...split,
      frontMatter: frontMatter && { ...frontMatter, raw: raw! },
      body: bodyLines.join('\n'),
    }),
  };
}

export async function repoint(
  store: DocumentStore,
  oldKey: string,
  newKey: string,
  places: readonly ReferencePlace[],
  options: SaveAllOptions = {},
): Promise<RepointResult> {
  const byFile = new Map<string, number[]>();
  for (const place of places) byFile.set(place.path, [...(byFile.get(place.path) ?? []), place.line]);
  const changes = [];
  for (const [file, lines] of byFile) {
    const read = await store.read(file);
    if (!read.ok)
      return { ok: false, error: 'not-found', message: `${file} could not be read: ${read.message}` };
    const result = repointText(read.file.text, oldKey, newKey, lines);
    if (!result.ok)
      return {
        ok: false,
        error: 'conflict',
        message: `${file} line ${result.line} no longer links to ${oldKey}; nothing was changed.`,
      };
    changes.push({ path: file, text: result.text, expected: read.file });
  }
  const saved = await store.saveAll(changes, options);
  if (!saved.ok) {
    const error = saved.error === 'conflict' || saved.error === 'deleted' ? 'conflict' : 'io';
    return { ok: false, error, message: saved.message };
  }
  return { ok: true, changedFiles: [...byFile.keys()].sort() };
}
