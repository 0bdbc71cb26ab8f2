/**
 * Deletes a roadmap item with the evidence links to it, all or none: the feedback notes that name it
 * in `about` are saved together first (a note left with no link goes back to the inbox), the item
 * leaves `roadmap.json` next, and if that fails the notes are put back. An item a requirement
 * delivers or a release ships is refused: deleting it would break those silently.
 */
import { listInWords } from '../../shared/model/listInWords.js';
import type { Result } from '../../shared/contract/apiContract.js';
import { setFrontMatterFields, splitDocument } from '../../shared/frontMatter/frontMatter.js';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import type { DocumentIndexes } from './documentIndexes.js';
import type { DocumentStore, FileVersion } from './documentStore.js';
import type { RoadmapStore } from './roadmapStore.js';

export type RemoveRoadmapItemResult = Result<
  { unlinked: string[] },
  'read-only' | 'not-found' | 'referenced' | 'unreadable-note' | string
>;

interface RemovalParts {
  store: DocumentStore;
  indexes: DocumentIndexes;
  roadmapStore: RoadmapStore;
  documents: readonly DocumentEntry[];
}

interface NoteChange {
  path: string;
  text: string;
  expected: FileVersion;
  original: string;
}

/** Why the item cannot go, naming what holds on to it, or undefined. */
export function removalRefusal(
  key: string,
  documents: readonly DocumentEntry[],
  releases: readonly { key: string; items: readonly string[] }[],
): string | undefined {
  const requirements = documents.flatMap((entry) =>
    entry.requirements.filter((requirement) => requirement.roadmap.includes(key)).map((r) => r.key),
  );
  const shipping = releases.filter((release) => release.items.includes(key)).map((release) => release.key);
  const holds = [
    ...(requirements.length > 0
      ? [`${listInWords(requirements)} ${requirements.length === 1 ? 'delivers' : 'deliver'} it`]
      : []),
    ...(shipping.length > 0
      ? [`${listInWords(shipping)} ${shipping.length === 1 ? 'ships' : 'ship'} it`]
      : []),
  ];
  if (holds.length === 0) return undefined;
  return `${key} was not deleted: ${holds.join(' and ')}. Take it out of ${
    requirements.length + shipping.length === 1 ? 'that' : 'those'
  } first.`;
}

/** The note's text with `key` taken out of `about`; a triaged note left with no link is new again. */
function unlinked(text: string, key: string): string | undefined {
  const split = splitDocument(text);
  const frontMatter = split.frontMatter;
  if (!frontMatter || frontMatter.error) return undefined;
  const about = frontMatter.data.about;
  const keys = Array.isArray(about)
    ? about.map(String)
    : typeof about === 'string'
      ? about.split(/[\s,]+/).filter(Boolean)
      : [];
  const rest = keys.filter((each) => each !== key);
  const changes: Record<string, unknown> = { about: rest };
  if (rest.length === 0 && frontMatter.data.status === 'triaged') changes.status = 'new';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const raw = setFrontMatterFields(frontMatter.raw, changes, eol);
  return (split.bom ? '\uFEFF' : '') + raw + split.body;
}

export async function removeRoadmapItem(parts: RemovalParts, key: string): Promise<RemoveRoadmapItemResult> {
  const { store, indexes, roadmapStore, documents } = parts;
  if (!roadmapStore.item(key)) {
    return { ok: false, error: 'not-found', message: `There is no roadmap item ${key}.` };
  }
  const refusal = removalRefusal(key, documents, roadmapStore.releases());
  if (refusal) return { ok: false, error: 'referenced', message: refusal };

  const changes: NoteChange[] = [];
  for (const note of documents) {
    if (note.type !== 'feedback' || !note.about.includes(key)) continue;
    // Read afresh: the index may be a moment behind an edit made in another window.
    const read = await store.read(note.path);
    if (!read.ok) return { ok: false, error: read.error, message: `${read.message} Nothing was deleted.` };
    const text = unlinked(read.file.text, key);
    if (text === undefined) {
      return {
        ok: false,
        error: 'unreadable-note',
        message: `${key} was not deleted: the front matter of ${note.path} cannot be read.`,
      };
    }
    if (text !== read.file.text) {
      changes.push({ path: note.path, text, expected: read.file, original: read.file.text });
    }
  }

  let saved: Map<string, FileVersion> | undefined;
  if (changes.length > 0) {
    const result = await store.saveAll(changes.map(({ path, text, expected }) => ({ path, text, expected })));
    if (!result.ok)
      return { ok: false, error: result.error, message: `${result.message} Nothing was deleted.` };
    saved = result.versions;
  }
  const removed = await roadmapStore.remove(key);
  if (!removed.ok) {
    if (saved) {
      const undo = await store.saveAll(
        changes.map(({ path, original }) => ({ path, text: original, expected: saved.get(path)! })),
      );
      for (const change of changes) await indexes.refresh(change.path);
      if (!undo.ok) {
        return {
          ok: false,
          error: removed.error,
          message: `${removed.message} The notes already unlinked could not be put back: ${undo.message}`,
        };
      }
    }
    return { ok: false, error: removed.error, message: `${key} was not deleted: ${removed.message}` };
  }
  for (const change of changes) indexes.reindex(change.path, change.text, saved!.get(change.path)!);
  return { ok: true, unlinked: changes.map((change) => change.path) };
}
