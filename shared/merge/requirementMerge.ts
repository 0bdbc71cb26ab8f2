/**
 * One requirement block merged from its three versions: the attributes of its opening line one by
 * one (`roadmap=` as a set), its text line by line; a conflict keeps everything that merged and
 * differs only where the sides disagree.
 */
import {
  formatRequirementOpen,
  matchRequirementBlock,
  type RequirementAttributes,
} from '../grammar/linkGrammar.js';
import { clean, type MergePart } from './mergeParts.js';
import { mergeLinesCleanly } from './threeWay.js';
import { canonical, mergeSets } from './valueMerge.js';

type AttributeMap = Map<string, string | string[]>;

function attributeMap(attributes: RequirementAttributes): AttributeMap {
  const map: AttributeMap = new Map();
  if (attributes.priority !== undefined) map.set('priority', attributes.priority);
  if (attributes.status !== undefined) map.set('status', attributes.status);
  if (attributes.roadmap.length > 0) map.set('roadmap', attributes.roadmap);
  for (const [name, value] of attributes.extra) map.set(name, value);
  return map;
}

function attributesOf(key: string, map: AttributeMap): RequirementAttributes {
  const attributes: RequirementAttributes = { key, roadmap: [], extra: [] };
  for (const [name, value] of map) {
    if (name === 'priority') attributes.priority = value as string;
    else if (name === 'status') attributes.status = value as string;
    else if (name === 'roadmap') attributes.roadmap = value as string[];
    else attributes.extra.push([name, value as string]);
  }
  return attributes;
}

/** Each attribute merged; for one both sides set differently, `pick` says whose value to use. */
function mergeAttributes(
  base: AttributeMap,
  ours: AttributeMap,
  theirs: AttributeMap,
  pick: 'ours' | 'theirs',
): { map: AttributeMap; conflicted: boolean } {
  const map: AttributeMap = new Map();
  let conflicted = false;
  const names = [...ours.keys(), ...[...theirs.keys()].filter((name) => !ours.has(name))];
  for (const name of names) {
    const [b, o, t] = [base.get(name), ours.get(name), theirs.get(name)];
    let value: string | string[] | undefined;
    if (canonical(o) === canonical(t) || canonical(t) === canonical(b)) value = o;
    else if (canonical(o) === canonical(b)) value = t;
    else if (Array.isArray(o) && Array.isArray(t)) {
      value = mergeSets(Array.isArray(b) ? b : [], o, t) as string[];
    } else {
      conflicted = true;
      value = pick === 'ours' ? o : t;
    }
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) map.set(name, value);
  }
  return { map, conflicted };
}

/**
 * Merges one requirement (`base` undefined when both sides added it). The blocks are their source
 * text from the opening line to the closing `:::` line, LF line endings.
 */
export function mergeRequirement(
  key: string,
  base: string | undefined,
  ours: string,
  theirs: string,
): MergePart {
  if (ours === theirs || theirs === base) return clean(ours);
  if (ours === base) return clean(theirs);
  const parsed = [base ?? '', ours, theirs].map((text) => matchRequirementBlock(text));
  const [b, o, t] = parsed;
  const whole = (): MergePart => {
    const merged = base === undefined ? undefined : mergeLinesCleanly(base, ours, theirs);
    return merged === undefined
      ? { kind: 'conflict', what: key, base: base ?? '', ours, theirs }
      : clean(merged);
  };
  if (!o || !t || (base !== undefined && !b)) return whole();
  const baseAttributes = b ? attributeMap(b.attributes) : new Map<string, string>();
  const oursAttributes = attributeMap(o.attributes);
  const theirsAttributes = attributeMap(t.attributes);
  const forOurs = mergeAttributes(baseAttributes, oursAttributes, theirsAttributes, 'ours');
  const forTheirs = mergeAttributes(baseAttributes, oursAttributes, theirsAttributes, 'theirs');
  const openLine = (map: AttributeMap): string => {
    if (canonical([...map]) === canonical([...oursAttributes])) return o.openLine;
    if (canonical([...map]) === canonical([...theirsAttributes])) return t.openLine;
    return formatRequirementOpen(attributesOf(key, map));
  };
  const inner = base === undefined ? undefined : mergeLinesCleanly(b!.inner, o.inner, t.inner);
  const tail = (match: NonNullable<typeof o>, text: string) => text.slice(match.raw.length);
  const block = (map: AttributeMap, innerText: string) =>
    `${openLine(map)}\n${innerText}${o.closeLine}${tail(o, ours)}`;
  if (!forOurs.conflicted && inner !== undefined) return clean(block(forOurs.map, inner));
  return {
    kind: 'conflict',
    what: key,
    base: base ?? '',
    ours: block(forOurs.map, inner ?? o.inner),
    theirs: `${openLine(forTheirs.map)}\n${inner ?? t.inner}${t.closeLine}${tail(t, theirs)}`,
  };
}
