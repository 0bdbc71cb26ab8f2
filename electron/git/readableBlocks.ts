/**
 * The blocks of a file or an item that changed between two texts, each with its source diff and the
 * same change as a PM reads it: Markdown block by block (front matter field by field, requirements by
 * key), roadmap.json item by item and release by release, other text as one block.
 */
import path from 'node:path';
import type { BlockChangeView } from '../../shared/contract/gitViews.js';
import { createMarkdownCodec } from '../../shared/markdown/markdownCodec.js';
import { markdownBlockChanges, type BlockChange } from '../../shared/merge/blockDiff.js';
import { codecBlockSplitter } from '../../shared/merge/codecBlocks.js';
import { itemDiff } from '../../shared/merge/itemDiff.js';
import { isMarkdownPath, isRoadmapPath } from '../../shared/merge/mergeFile.js';
import {
  readableFields,
  readableFrontMatterField,
  readableRequirement,
  readableText,
  type ReadableChange,
} from '../../shared/merge/readableChange.js';
import { matchRequirementBlock } from '../../shared/grammar/linkGrammar.js';
import { pairRekeyed, rekeyLabel } from '../../shared/merge/rekeyedRequirement.js';
import type { WorkspaceItem } from './workspaceItems.js';

let splitter: ReturnType<typeof codecBlockSplitter> | undefined;

interface ReadableBlock extends BlockChange {
  readable?: ReadableChange;
}

type Keyed = Record<string, unknown> & { key: string };

function keyedEntries(text: string, list: 'items' | 'releases'): Map<string, Keyed> | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  const entries = (data as Record<string, unknown> | null)?.[list];
  if (!Array.isArray(entries)) return new Map();
  return new Map(
    entries
      .filter((entry): entry is Keyed => typeof (entry as Keyed | null)?.key === 'string')
      .map((entry) => [entry.key, entry]),
  );
}

function roadmapChanges(before: string, after: string): ReadableBlock[] {
  const changes: ReadableBlock[] = [];
  for (const [list, title] of [
    ['items', 'title'],
    ['releases', 'name'],
  ] as const) {
    const [old, now] = [keyedEntries(before || '{}', list), keyedEntries(after || '{}', list)];
    if (!old || !now) return [];
    const text = (entry: Keyed | undefined) => (entry ? `${JSON.stringify(entry, null, 2)}\n` : '');
    const push = (key: string, change: BlockChange['change']) => {
      const [was, is] = [old.get(key), now.get(key)];
      // Headed by the item's name as well as its key: "RM-2 Saved cards changed".
      const name = (is ?? was)?.[title];
      changes.push({
        what: typeof name === 'string' && name.trim() !== '' ? `${key} ${name.trim()}` : key,
        change,
        before: text(was),
        after: text(is),
        readable: readableFields(was, is, title),
      });
    };
    for (const [key, entry] of now) {
      const previous = old.get(key);
      if (previous === undefined) push(key, 'added');
      else if (JSON.stringify(previous) !== JSON.stringify(entry)) push(key, 'changed');
    }
    for (const key of old.keys()) if (!now.has(key)) push(key, 'removed');
  }
  return changes;
}

function readableBlock(change: BlockChange): ReadableBlock {
  const field = /^front matter: (.*)$/.exec(change.what)?.[1];
  if (field !== undefined)
    return { ...change, readable: readableFrontMatterField(field, change.before, change.after) };
  if (matchRequirementBlock(change.before || change.after))
    return { ...change, readable: readableRequirement(change.before, change.after) };
  if (change.what === 'front matter comments') return change;
  return { ...change, readable: readableText(change.before, change.after) };
}

/** A requirement removed and one added with the same text under a new key read as one change. */
function withRekeyed(changes: BlockChange[]): BlockChange[] {
  const { pairs } = pairRekeyed(
    changes.filter((change) => change.change === 'removed'),
    changes.filter((change) => change.change === 'added'),
    (change) => change.before || change.after,
  );
  if (pairs.length === 0) return changes;
  const gone = new Set(pairs.map((pair) => pair.before));
  return changes
    .filter((change) => !gone.has(change))
    .map((change) => {
      const pair = pairs.find((candidate) => candidate.after === change);
      if (!pair) return change;
      return {
        what: rekeyLabel(pair.before.what, change.what),
        change: 'changed' as const,
        before: pair.before.before,
        after: change.after,
      };
    });
}

export function blockChanges(file: string, before: string, after: string): ReadableBlock[] {
  if (before === after) return [];
  if (isMarkdownPath(file)) {
    splitter ??= codecBlockSplitter(createMarkdownCodec());
    try {
      return withRekeyed(markdownBlockChanges(before, after, splitter)).map(readableBlock);
    } catch {
      // Odd input the codec cannot cut: the file as one block, as any other text.
    }
  }
  if (isRoadmapPath(file)) {
    const changes = roadmapChanges(before, after);
    if (changes.length > 0) return changes;
  }
  return [
    {
      what: path.posix.basename(file),
      change: before === '' ? 'added' : after === '' ? 'removed' : 'changed',
      before,
      after,
    },
  ];
}

export function blockViews(file: string, before: string, after: string): BlockChangeView[] {
  return blockChanges(file, before, after).map((change) => ({
    what: change.what,
    change: change.change,
    diff: itemDiff(change.before, change.after),
    ...(change.readable ? { readable: change.readable } : {}),
  }));
}

/** One item's change in a history: the requirement or roadmap item as one block, a document block by block. */
export function itemBlocks(
  before: WorkspaceItem | undefined,
  after: WorkspaceItem | undefined,
  change: BlockChangeView['change'],
  diff: string[],
): BlockChangeView[] {
  const item = (after ?? before)!;
  if (item.kind === 'document') return blockViews(item.path, before?.text ?? '', after?.text ?? '');
  const readable =
    item.kind === 'requirement'
      ? readableRequirement(before?.text ?? '', after?.text ?? '')
      : readableFields(
          before?.kind === 'roadmap' ? before.fields : undefined,
          after?.kind === 'roadmap' ? after.fields : undefined,
        );
  return [{ what: item.key, change, diff, readable }];
}
