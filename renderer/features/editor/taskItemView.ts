/**
 * A task item drawn with its box's state: `[ ]` and `[x]` tick and untick on a click; a box with
 * another character (`[?]`, `[-]`, `[/]`…) shows it in a box of its own, and a click (or a right
 * click, or Shift+F10, on any box) opens a small menu of states instead of losing the character.
 */
import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { NodeView } from '@tiptap/pm/view';
import { boxCharacter, customBox, taskAttributes, taskStateName } from '../../../shared/markdown/taskBox.js';
import { openTaskStateMenu } from './taskStateMenu.js';

export function taskItemView(
  node: ProseMirrorNode,
  editor: Editor,
  getPos: () => number | undefined,
): NodeView {
  let current = node;
  const item = document.createElement('li');
  const label = document.createElement('label');
  const box = document.createElement('input');
  const content = document.createElement('div');
  label.contentEditable = 'false';
  box.type = 'checkbox';
  box.disabled = !editor.isEditable;
  label.append(box);
  item.append(label, content);

  const draw = () => {
    const character = boxCharacter(current.attrs);
    const custom = customBox(current.attrs) !== undefined;
    item.dataset.checked = String(Boolean(current.attrs.checked));
    if (custom) item.dataset.task = character;
    else delete item.dataset.task;
    label.dataset.box = custom ? character : '';
    box.checked = Boolean(current.attrs.checked);
    const text = current.textContent || 'empty task';
    box.setAttribute('aria-label', custom ? `${text}: ${taskStateName(character)}` : text);
    box.setAttribute('aria-haspopup', 'menu');
    label.title = custom
      ? `${taskStateName(character)} [${character}]: click to change`
      : 'Right-click for other states';
  };
  draw();

  const setBox = (character: string) => {
    const position = getPos();
    if (position === undefined || !editor.isEditable) return;
    const { tr } = editor.state;
    tr.setNodeMarkup(position, undefined, { ...current.attrs, ...taskAttributes(character) });
    editor.view.dispatch(tr);
  };
  const openMenu = () => {
    if (!editor.isEditable) return;
    openTaskStateMenu(box, boxCharacter(current.attrs), setBox);
  };

  box.addEventListener('mousedown', (event) => event.preventDefault());
  // An ordinary box keeps the browser's own toggle (preventing it would also undo the redraw's).
  box.addEventListener('click', (event) => {
    if (!editor.isEditable || customBox(current.attrs) !== undefined) event.preventDefault();
    if (!editor.isEditable) return;
    if (customBox(current.attrs) !== undefined) openMenu();
    else setBox(current.attrs.checked ? ' ' : 'x');
  });
  label.addEventListener('contextmenu', (event) => {
    event.preventDefault();
    openMenu();
  });
  box.addEventListener('keydown', (event) => {
    if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      event.preventDefault();
      openMenu();
    }
  });

  return {
    dom: item,
    contentDOM: content,
    update: (next) => {
      if (next.type !== current.type) return false;
      current = next;
      draw();
      return true;
    },
    ignoreMutation: (mutation) => !content.contains(mutation.target) && mutation.type !== 'selection',
    stopEvent: (event) => label.contains(event.target as Node),
  };
}
