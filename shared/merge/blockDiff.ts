/**
 * What changed in a Markdown document, block by block as a PM reads it: front matter field by
 * field, requirement blocks by key (a requirement moved elsewhere in the file is "moved", not
 * removed and added), other blocks by position.
 */
import { diffArrays } from 'diff';
import { splitDocument } from '../frontMatter/frontMatter.js';
import { matchRequirementBlock } from '../grammar/linkGrammar.js';
import { parseFields } from './frontMatterMerge.js';
import { describeBlock, type BlockSplitter } from './markdownMerge.js';

export interface BlockChange {
  what: string;
  change: 'added' | 'removed' | 'changed' | 'moved';
  before: string;
  after: string;
}

interface Block {
  id: string;
  requirement?: string;
  content: string;
}

function blocksOf(body: string, splitBlocks: BlockSplitter): Block[] {
  return splitBlocks(body).map(({ start, end }) => {
    const content = body.slice(start, end);
    const requirement = matchRequirementBlock(content)?.attributes.key;
    return requirement === undefined
      ? { id: `t:${content}`, content }
      : { id: `r:${requirement}:${content}`, requirement, content };
  });
}

function frontMatterChanges(before: string | undefined, after: string | undefined): BlockChange[] {
  if ((before ?? '') === (after ?? '')) return [];
  const [old, now] = [before, after].map((raw) => (raw === undefined ? { fields: [] } : parseFields(raw)));
  if (!old || !now) {
    return [{ what: 'front matter', change: 'changed', before: before ?? '', after: after ?? '' }];
  }
  const named = (fields: { key: string; text: string }[]) =>
    new Map(fields.map((field) => [field.key, field.text]));
  const [oldFields, newFields] = [named(old.fields), named(now.fields)];
  const changes: BlockChange[] = [];
  for (const [key, text] of newFields) {
    const previous = oldFields.get(key);
    const what = key.startsWith('\u0000') ? 'front matter comments' : `front matter: ${key}`;
    if (previous === undefined) changes.push({ what, change: 'added', before: '', after: text });
    else if (previous !== text) changes.push({ what, change: 'changed', before: previous, after: text });
  }
  for (const [key, text] of oldFields) {
    if (newFields.has(key)) continue;
    const what = key.startsWith('\u0000') ? 'front matter comments' : `front matter: ${key}`;
    changes.push({ what, change: 'removed', before: text, after: '' });
  }
  return changes;
}

function bodyChanges(before: string, after: string, splitBlocks: BlockSplitter): BlockChange[] {
  if (before === after) return [];
  const [old, now] = [blocksOf(before, splitBlocks), blocksOf(after, splitBlocks)];
  const hunks: { removed: Block[]; added: Block[] }[] = [];
  let open: { removed: Block[]; added: Block[] } | undefined;
  for (const run of diffArrays(
    old.map((block) => block.id),
    now.map((block) => block.id),
  )) {
    if (!run.added && !run.removed) {
      open = undefined;
      old.splice(0, run.count);
      now.splice(0, run.count);
      continue;
    }
    open ??= hunks[hunks.push({ removed: [], added: [] }) - 1];
    const from = run.removed ? old : now;
    (run.removed ? open!.removed : open!.added).push(...from.splice(0, run.count));
  }
  // Requirements are paired by key across the whole file, so a moved one is one change.
  const addedByKey = new Map<string, Block>();
  for (const hunk of hunks)
    for (const block of hunk.added) if (block.requirement) addedByKey.set(block.requirement, block);
  const paired = new Set<Block>();
  const changes: BlockChange[] = [];
  for (const hunk of hunks) {
    const looseRemoved: Block[] = [];
    for (const block of hunk.removed) {
      const partner = block.requirement ? addedByKey.get(block.requirement) : undefined;
      if (!partner || paired.has(partner)) {
        looseRemoved.push(block);
        continue;
      }
      paired.add(partner);
      const moved = partner.content === block.content;
      changes.push({
        what: block.requirement!,
        change: moved ? 'moved' : 'changed',
        before: block.content,
        after: partner.content,
      });
    }
    const looseAdded = hunk.added.filter((block) => !paired.has(block));
    const pairs = Math.min(
      looseRemoved.filter((block) => !block.requirement).length,
      looseAdded.filter((block) => !block.requirement).length,
    );
    let pairedText = 0;
    for (const block of looseRemoved) {
      if (!block.requirement && pairedText < pairs) {
        const partner = looseAdded.filter((added) => !added.requirement)[pairedText++]!;
        paired.add(partner);
        changes.push({
          what: describeBlock(partner.content),
          change: 'changed',
          before: block.content,
          after: partner.content,
        });
      } else {
        changes.push({
          what: block.requirement ?? describeBlock(block.content),
          change: 'removed',
          before: block.content,
          after: '',
        });
      }
    }
    for (const block of looseAdded) {
      if (paired.has(block)) continue;
      // A requirement added here that pairs with one removed in a later hunk is reported there.
      if (
        block.requirement &&
        hunks.some((other) => other.removed.some((gone) => gone.requirement === block.requirement))
      )
        continue;
      changes.push({
        what: block.requirement ?? describeBlock(block.content),
        change: 'added',
        before: '',
        after: block.content,
      });
    }
  }
  return changes;
}

/** The block changes between two versions of a Markdown file (any line endings). */
export function markdownBlockChanges(
  before: string,
  after: string,
  splitBlocks: BlockSplitter,
): BlockChange[] {
  const normalize = (text: string) => text.replace(/\r\n/g, '\n');
  const [old, now] = [splitDocument(normalize(before)), splitDocument(normalize(after))];
  return [
    ...frontMatterChanges(old.frontMatter?.raw, now.frontMatter?.raw),
    ...bodyChanges(old.body, now.body, splitBlocks),
  ];
}
