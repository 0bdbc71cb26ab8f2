/**
 * The index cache's entries, decoded one at a time on first use. An open needs every entry's light
 * part at once (path, key, title, names, version); the heavy part (requirements, sections, links,
 * criteria: nine tenths of the bytes) is read by rules, links and views later, and parsing all of it
 * up front was most of a warm open.
 */
import type { DocumentEntry } from '../../shared/model/documentModel.js';

const heavyFields = [
  'implements',
  'answers',
  'about',
  'criteria',
  'metrics',
  'fields',
  'headings',
  'sections',
  'requirements',
  'references',
  'nameLinks',
  'blockIds',
  'htmlAnchors',
] as const;
type HeavyField = (typeof heavyFields)[number];

export type LightEntry = Omit<DocumentEntry, HeavyField>;
export type HeavyEntry = Pick<DocumentEntry, HeavyField>;

/** The heavy part of an entry whose cached line cannot be used, read again from its file. */
export type Reread = (light: LightEntry) => HeavyEntry | undefined;

/** The cached line of entries not decoded since they were read: a rewrite of the cache copies it as is. */
const undecodedParts = new WeakMap<DocumentEntry, () => string | undefined>();

/** An entry's two parts as the cache stores them: the light object, the heavy one as a JSON line. */
export function splitEntry(entry: DocumentEntry): { light: LightEntry; heavyPart: string } {
  const {
    implements: implemented,
    answers,
    about,
    criteria,
    metrics,
    fields,
    headings,
    sections,
    requirements,
    references,
    nameLinks,
    blockIds,
    htmlAnchors,
    ...light
  } = entry;
  const heavyPart =
    undecodedParts.get(entry)?.() ??
    JSON.stringify({
      implements: implemented,
      answers,
      about,
      criteria,
      metrics,
      fields,
      headings,
      sections,
      requirements,
      references,
      nameLinks,
      blockIds,
      htmlAnchors,
    } satisfies HeavyEntry);
  return { light, heavyPart };
}

/**
 * The entries whose heavy parts make up the section `section.bytes` long, a JSON array of one object
 * per entry whose byte lengths are `lengths`; undefined when they do not add up. `whole` reads and
 * parses the array at once (for a command that reads every entry); otherwise the section is read on
 * the first read of any heavy field (an open and the navigator need none), and each entry parses its
 * own slice when one of its heavy fields is first read. A heavy part that cannot be read, or of
 * another shape (the cache is untrusted), is replaced by `reread`, else by empty fields: reading an
 * entry never throws.
 */
export function cachedEntries(
  lights: LightEntry[],
  lengths: number[],
  section: { bytes: number; read: () => Buffer | undefined },
  options: { reread: Reread; whole: boolean },
): DocumentEntry[] | undefined {
  const starts: number[] = [];
  let at = 1;
  for (const length of lengths) {
    starts.push(at);
    at += length + 1;
  }
  if (lengths.length !== lights.length || Math.max(at, 2) !== section.bytes) return undefined;
  const checked = (light: LightEntry, value: unknown): HeavyEntry =>
    isHeavy(value) ? value : (options.reread(light) ?? emptyHeavy());
  if (options.whole) {
    const bytes = section.read();
    const all = bytes && (JSON.parse(bytes.toString('utf8')) as unknown);
    if (!Array.isArray(all) || all.length !== lights.length) return undefined;
    return lights.map((light, index) => Object.assign(light, checked(light, all[index])));
  }
  // Read once, by the first entry that needs it; dropped once every entry is decoded.
  let source: Buffer | undefined;
  let read = false;
  const sourceBytes = (): Buffer | undefined => {
    if (!read) {
      read = true;
      const bytes = section.read();
      source = bytes?.length === section.bytes ? bytes : undefined;
    }
    return source;
  };
  let remaining = lights.length;
  return lights.map((light, index) => {
    let heavy: HeavyEntry | undefined;
    let usable = true;
    const line = (): string | undefined => {
      const bytes = usable ? sourceBytes() : undefined;
      return bytes?.toString('utf8', starts[index], starts[index]! + lengths[index]!);
    };
    const decoded = (): HeavyEntry => {
      if (heavy) return heavy;
      const parsed = parseHeavy(line());
      usable = parsed !== undefined;
      heavy = checked(light, parsed);
      if (--remaining === 0) source = undefined;
      return heavy;
    };
    const entry = lazyEntry(light, decoded);
    undecodedParts.set(entry, line);
    return entry;
  });
}

function parseHeavy(line: string | undefined): HeavyEntry | undefined {
  if (line === undefined) return undefined;
  try {
    const value = JSON.parse(line) as unknown;
    return isHeavy(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const decoder = Symbol('decoder');
type Lazy = { [decoder]: () => HeavyEntry };
const heavyOf = (entry: unknown): HeavyEntry => (entry as Lazy)[decoder]();

/**
 * The heavy fields as accessors shared by every cached entry: a getter made per entry would give each
 * its own hidden class, and every rule reading them would slow down.
 */
const heavyAccessors = Object.getOwnPropertyDescriptors({
  get implements() {
    return heavyOf(this).implements;
  },
  get answers() {
    return heavyOf(this).answers;
  },
  get about() {
    return heavyOf(this).about;
  },
  get criteria() {
    return heavyOf(this).criteria;
  },
  get metrics() {
    return heavyOf(this).metrics;
  },
  get fields() {
    return heavyOf(this).fields;
  },
  get headings() {
    return heavyOf(this).headings;
  },
  get sections() {
    return heavyOf(this).sections;
  },
  get requirements() {
    return heavyOf(this).requirements;
  },
  get references() {
    return heavyOf(this).references;
  },
  get nameLinks() {
    return heavyOf(this).nameLinks;
  },
  get blockIds() {
    return heavyOf(this).blockIds;
  },
  get htmlAnchors() {
    return heavyOf(this).htmlAnchors;
  },
});

/** An entry with its light fields as values and its heavy ones read through `heavy` (not enumerable itself). */
function lazyEntry(light: LightEntry, heavy: () => HeavyEntry): DocumentEntry {
  const entry = {
    path: light.path,
    key: light.key,
    type: light.type,
    title: light.title,
    status: light.status,
    owner: light.owner,
    depends: light.depends,
    design: light.design,
    evidence: light.evidence,
    problem: light.problem,
    conflicted: light.conflicted,
    aliases: light.aliases,
    tags: light.tags,
    bodyLine: light.bodyLine,
    size: light.size,
    mtimeMs: light.mtimeMs,
    hash: light.hash,
  };
  Object.defineProperty(entry, decoder, { value: heavy });
  return Object.defineProperties(entry, heavyAccessors) as DocumentEntry;
}

/** The heavy part of a document the cache could not give and its file no longer can. */
export function emptyHeavy(): HeavyEntry {
  return {
    implements: [],
    answers: [],
    about: [],
    criteria: [],
    metrics: [],
    fields: {},
    headings: [],
    sections: [],
    requirements: [],
    references: [],
    nameLinks: [],
    blockIds: [],
    htmlAnchors: [],
  };
}

/** Whether a decoded line has every heavy field of the right kind (not what each holds). */
function isHeavy(value: unknown): value is HeavyEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const heavy = value as Record<string, unknown>;
  return heavyFields.every((name) =>
    name === 'fields'
      ? typeof heavy.fields === 'object' && heavy.fields !== null && !Array.isArray(heavy.fields)
      : Array.isArray(heavy[name]),
  );
}
