/**
 * The one definition of Specbench's own Markdown syntax: keys, `[[KEY]]` references and
 * `:::requirement{…}` blocks. The editor's codec and the engine's indexer both parse with these.
 */

/** A stable, human-readable key: `SPEC-3`, `REQ-12`, `RM-3`. */
export const keySource = '[A-Z][A-Z0-9]*-[0-9]+';
export const keyPattern = new RegExp(`^${keySource}$`);

export function isKey(value: string): boolean {
  return keyPattern.test(value);
}

/** Splits `SPEC-12` into its prefix and number. */
export function splitKey(key: string): { prefix: string; number: number } | undefined {
  const match = /^([A-Z][A-Z0-9]*)-([0-9]+)$/.exec(key);
  return match ? { prefix: match[1]!, number: Number(match[2]) } : undefined;
}

export interface Reference {
  /** The key linked to, e.g. `SPEC-3`. */
  target: string;
  /** What follows `#`: a requirement key or a heading, e.g. `REQ-12`. */
  anchor?: string;
  /** What follows `|`: the text shown instead of the key. */
  label?: string;
}

/**
 * `[[KEY]]`, `[[KEY|label]]`, `[[KEY#anchor]]`, `[[KEY#anchor|label]]`; not `![[embed]]`. Inside a
 * table the bar is escaped (`[[KEY\\|label]]`), as a bare `|` would split the cell.
 */
const referenceSource = `\\[\\[(${keySource})(?:#([^\\]|\\\\\\n]+))?(?:\\\\?\\|([^\\]\\n]+))?\\]\\]`;

/** Matches a reference at the start of a string (for inline tokenizers). */
export const referenceAtStart = new RegExp(`^${referenceSource}`);

/** Matches every reference in a string (for scanners); reset `lastIndex` or use `findReferences`. */
export function referencePatternGlobal(): RegExp {
  return new RegExp(`(?<!!)${referenceSource}`, 'g');
}

export function referenceFromMatch(match: RegExpExecArray): Reference {
  const reference: Reference = { target: match[1]! };
  if (match[2] !== undefined) reference.anchor = match[2];
  if (match[3] !== undefined) reference.label = match[3];
  return reference;
}

/** Writes a reference back in its canonical form. */
export function formatReference(reference: Reference): string {
  const anchor = reference.anchor === undefined ? '' : `#${reference.anchor}`;
  const label = reference.label === undefined ? '' : `|${reference.label}`;
  return `[[${reference.target}${anchor}${label}]]`;
}

/** The keys a reference links to: its target, and its anchor when that is a key too. */
export function referencedKeys(reference: Reference): string[] {
  return reference.anchor !== undefined && isKey(reference.anchor)
    ? [reference.target, reference.anchor]
    : [reference.target];
}

export const requirementPriorities = ['must', 'should', 'could', 'wont'] as const;
export type RequirementPriority = (typeof requirementPriorities)[number];
export const requirementStatuses = ['draft', 'review', 'approved', 'implemented', 'deferred'] as const;
export type RequirementStatus = (typeof requirementStatuses)[number];

export interface RequirementAttributes {
  key: string;
  priority?: string;
  status?: string;
  /** Roadmap items this requirement delivers (`roadmap=RM-3,RM-4`). */
  roadmap: string[];
  /** Any other attributes, kept in their original order. */
  extra: [string, string][];
}

/** `:::requirement{#REQ-12 priority=must status=draft roadmap=RM-3}` alone on a line. */
const requirementOpenPattern = /^:::requirement\{([^}\n]*)\}[ \t]*$/;
const requirementClosePattern = /^:::[ \t]*$/;
const attributePattern = /\s*(?:#([^\s}]+)|([A-Za-z][\w-]*)=(?:"([^"\n]*)"|([^\s"}]*)))/y;

export function isRequirementClose(line: string): boolean {
  return requirementClosePattern.test(line);
}

/** Parses a requirement's opening line; undefined when the line is not one (or its key is missing). */
export function parseRequirementOpen(line: string): RequirementAttributes | undefined {
  const match = requirementOpenPattern.exec(line);
  if (!match) return undefined;
  const source = match[1]!;
  const attributes: RequirementAttributes = { key: '', roadmap: [], extra: [] };
  attributePattern.lastIndex = 0;
  let position = 0;
  while (position < source.length) {
    if (/^\s*$/.test(source.slice(position))) break;
    attributePattern.lastIndex = position;
    const attribute = attributePattern.exec(source);
    if (!attribute) return undefined;
    position = attributePattern.lastIndex;
    if (attribute[1] !== undefined) {
      attributes.key = attribute[1];
      continue;
    }
    const name = attribute[2]!;
    const value = attribute[3] ?? attribute[4] ?? '';
    if (name === 'priority') attributes.priority = value;
    else if (name === 'status') attributes.status = value;
    else if (name === 'roadmap') attributes.roadmap = value.split(',').filter((item) => item !== '');
    else attributes.extra.push([name, value]);
  }
  return isKey(attributes.key) ? attributes : undefined;
}

/** Writes a requirement's opening line in its canonical form. */
export function formatRequirementOpen(attributes: RequirementAttributes): string {
  const parts = [`#${attributes.key}`];
  if (attributes.priority) parts.push(`priority=${formatAttributeValue(attributes.priority)}`);
  if (attributes.status) parts.push(`status=${formatAttributeValue(attributes.status)}`);
  if (attributes.roadmap.length > 0) parts.push(`roadmap=${attributes.roadmap.join(',')}`);
  for (const [name, value] of attributes.extra) parts.push(`${name}=${formatAttributeValue(value)}`);
  return `:::requirement{${parts.join(' ')}}`;
}

function formatAttributeValue(value: string): string {
  return /^[^\s"}]+$/.test(value) ? value : `"${value.replace(/"/g, "'")}"`;
}

export const requirementCloseLine = ':::';

export interface RequirementBlockMatch {
  attributes: RequirementAttributes;
  /** The opening line, without its newline. */
  openLine: string;
  /** Everything between the opening line's newline and the closing line (may be empty). */
  inner: string;
  /** The closing line, without its newline. */
  closeLine: string;
  /** The whole block up to the end of the closing line, without its newline. */
  raw: string;
}

const fenceOpenPattern = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const fenceClosePattern = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** The fence a line opens, if any (a backtick fence's info string may not contain a backtick). */
export function fenceOpenedBy(line: string): { marker: string; length: number } | undefined {
  const open = fenceOpenPattern.exec(line);
  if (!open || (open[1]![0] === '`' && open[2]!.includes('`'))) return undefined;
  return { marker: open[1]![0]!, length: open[1]!.length };
}

export function isFenceClose(line: string, fence: { marker: string; length: number }): boolean {
  const match = fenceClosePattern.exec(line);
  return match !== null && match[1]![0] === fence.marker && match[1]!.length >= fence.length;
}

/**
 * A requirement block at the start of `source` (LF line endings): its opening line, then lines up
 * to a closing `:::` outside fenced code; undefined when another opening line or the end comes first.
 */
export function matchRequirementBlock(source: string): RequirementBlockMatch | undefined {
  const firstEnd = source.indexOf('\n');
  if (firstEnd === -1) return undefined;
  const openLine = source.slice(0, firstEnd);
  const attributes = parseRequirementOpen(openLine);
  if (!attributes) return undefined;
  let fence: { marker: string; length: number } | undefined;
  let lineStart = firstEnd + 1;
  while (lineStart <= source.length) {
    const newline = source.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? source.length : newline;
    const line = source.slice(lineStart, lineEnd);
    if (fence) {
      if (isFenceClose(line, fence)) fence = undefined;
    } else if ((fence = fenceOpenedBy(line))) {
      // inside fenced code now
    } else if (isRequirementClose(line)) {
      return {
        attributes,
        openLine,
        inner: source.slice(firstEnd + 1, lineStart),
        closeLine: line,
        raw: source.slice(0, lineEnd),
      };
    } else if (line.startsWith(':::requirement{')) {
      return undefined;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return undefined;
}
