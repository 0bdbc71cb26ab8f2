/**
 * Task lists whose boxes hold any state character (`- [?]`, `- [-]`, `- [/]`), not only `[ ]` and
 * `[x]`, each item keeping its character; a list covers only its own lines (the stock tokenizer
 * split the whole rest of the document to find where it ends).
 */
import { parseIndentedBlocks, type MarkdownLexerConfiguration, type MarkdownToken } from '@tiptap/core';
import { TaskList } from '@tiptap/extension-list';
import { taskBoxCharacter, taskBoxPattern } from '../taskBox.js';

const taskItemLine = new RegExp(String.raw`^[ \t]*[-+*][ \t]+${taskBoxPattern}[ \t]+`);
const listStart = new RegExp(String.raw`^\s*[-+*]\s+${taskBoxPattern}\s+`);
const itemPattern = new RegExp(String.raw`^(\s*)([-+*])\s+\[(${taskBoxCharacter})\]\s+(.*)$`);

/**
 * The part of `source` a task list starting here can cover (its items, indented and blank lines), or
 * undefined when no task item starts it.
 */
export function taskListRegion(source: string): string | undefined {
  let position = 0;
  let sawItem = false;
  while (position < source.length) {
    const newline = source.indexOf('\n', position);
    const end = newline === -1 ? source.length : newline + 1;
    const line = source.slice(position, newline === -1 ? source.length : newline);
    if (taskItemLine.test(line)) sawItem = true;
    else if (line.trim() !== '' && (!sawItem || !/^[ \t]/.test(line))) break;
    position = end;
  }
  return sawItem ? source.slice(0, position) : undefined;
}

/** The first item's indent and bullet. */
const firstMarker = (source: string) => /^(?:[ \t]*\n)*([ \t]*[-+*])/.exec(source)![1]!;

/**
 * Whether the list the tasks in `region` start goes on, after a blank line, with plain bullets of the
 * same marker: one loose list mixing tasks (taskRuns.ts), left to the list tokenizer whole.
 */
function goesOnLoose(source: string, region: string): boolean {
  const marker = firstMarker(region);
  const next = source.slice(region.length);
  return /\n[ \t]*\n$/.test(region) && next.startsWith(marker) && /^[ \t]*[-+*](?:[ \t]|\n|$)/.test(next);
}

/** The task list at the start of `source`, its items' boxes as written (as TipTap's, with `box`). */
function tokenizeTaskList(source: string, lexer: MarkdownLexerConfiguration): MarkdownToken[] | undefined {
  const result = taskItemsAt(source, lexer);
  if (!result) return undefined;
  // Items set apart by blank lines are one loose list, as Markdown reads them (TipTap's parse stops at the blank).
  const marker = firstMarker(source);
  for (;;) {
    const gap = /^(?:[ \t]*\n)+/.exec(source.slice(result.raw.length))?.[0];
    const rest = gap && source.slice(result.raw.length + gap.length);
    if (!rest || !taskItemLine.test(rest) || !rest.startsWith(marker)) break;
    const next = taskItemsAt(rest, lexer);
    if (!next) break;
    result.raw += gap + next.raw;
    result.items.push(...next.items);
  }
  return [{ type: 'taskList', raw: result.raw, items: result.items }];
}

/** The task items at the start of `source` up to a blank line, as TipTap's own task list reads them. */
function taskItemsAt(source: string, lexer: MarkdownLexerConfiguration) {
  return parseIndentedBlocks(
    source,
    {
      itemPattern,
      extractItemData: (match) => ({
        indentLevel: match[1]!.length,
        mainContent: match[4]!,
        checked: match[3] === 'x' || match[3] === 'X',
        box: match[3]!,
      }),
      createToken: (data, nestedTokens) => ({
        type: 'taskItem',
        raw: '',
        mainContent: data.mainContent,
        indentLevel: data.indentLevel,
        checked: data.checked,
        box: data.box,
        text: data.mainContent,
        tokens: lexer.inlineTokens(data.mainContent),
        nestedTokens,
      }),
      customNestedParser: (content) => {
        const nested = tokenizeTaskList(content, lexer);
        if (!nested) return lexer.blockTokens(content);
        const remainder = content.slice(nested[0]!.raw?.length ?? 0);
        return remainder.trim() ? [...nested, ...lexer.blockTokens(remainder)] : nested;
      },
    },
    lexer,
  );
}

export const StateTaskList = TaskList.extend({
  markdownTokenizer: {
    name: 'taskList',
    level: 'block',
    start: (source) => source.match(listStart)?.index ?? -1,
    tokenize: (source, _tokens, lexer) => {
      const region = taskListRegion(source);
      if (region === undefined || goesOnLoose(source, region)) return undefined;
      return tokenizeTaskList(region, lexer)?.[0];
    },
  },
});
