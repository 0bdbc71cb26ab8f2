/**
 * Task boxes in the export as the app draws them: `[ ]` and `[x]`, and the states Obsidian themes
 * give other characters (`[/]` in progress, `[-]` cancelled, `[>]` deferred…) as a box holding the
 * character, named by its state, instead of the literal `[/]` marked leaves in the text.
 */
import type { Token, Tokens } from 'marked';
import { customBox, taskBoxCharacter, taskStateName } from '../../shared/markdown/taskBox.js';
import { escapeHtml } from './htmlSanitizer.js';

const boxAtStart = new RegExp(String.raw`^\[(${taskBoxCharacter})\][ \t]+`);

/** A custom box character, carried on marked's checkbox token. */
type CheckboxToken = Tokens.Checkbox & { marker?: string };

/** marked's `walkTokens`: a list item starting with a custom box becomes a task with that box. */
export function customTaskBoxes(token: Token): void {
  if (token.type !== 'list_item') return;
  const item = token as Tokens.ListItem;
  if (item.task) return;
  const first = item.tokens[0];
  if (!first || (first.type !== 'text' && first.type !== 'paragraph')) return;
  const inline = (first as Tokens.Text | Tokens.Paragraph).tokens?.[0];
  if (inline?.type !== 'text') return;
  const match = boxAtStart.exec(inline.raw);
  if (!match || customBox({ marker: match[1] }) === undefined) return;
  const cut = (text: string) => text.replace(boxAtStart, '');
  inline.raw = cut(inline.raw);
  (inline as Tokens.Text).text = cut((inline as Tokens.Text).text);
  first.raw = cut(first.raw);
  (first as Tokens.Text).text = cut((first as Tokens.Text).text);
  const box: CheckboxToken = { type: 'checkbox', raw: match[0], checked: false, marker: match[1]! };
  item.task = true;
  item.checked = false;
  // Where marked puts its own box: inside the first paragraph of a loose item, before a tight one's text.
  if (item.loose) (first as Tokens.Paragraph).tokens.unshift(box as unknown as Token);
  else item.tokens.unshift(box as unknown as Token);
}

/** A drawn box (the embedded fonts have no ☐/☑), its state in words for screen readers and text extraction. */
export function checkboxHtml(token: CheckboxToken): string {
  const marker = token.marker;
  if (marker !== undefined)
    return `<span class="checkbox" data-task="${escapeHtml(marker)}" role="img" aria-label="${escapeHtml(taskStateName(marker).toLowerCase())}"></span> `;
  return `<span class="checkbox${token.checked ? ' checked' : ''}" role="img" aria-label="${token.checked ? 'done' : 'to do'}"></span> `;
}
