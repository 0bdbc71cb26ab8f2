/** The small menu of a task box's states (to do, done, in progress, cancelled…), opened below the box. */
import { taskStateName, taskStates } from '../../../shared/markdown/taskBox.js';

let closeOpen: (() => void) | undefined;

export function openTaskStateMenu(
  box: HTMLElement,
  current: string,
  choose: (character: string) => void,
): void {
  closeOpen?.();
  const menu = document.createElement('div');
  menu.className = 'task-state-menu';
  menu.setAttribute('role', 'menu');
  menu.setAttribute('aria-label', 'Task state');
  const states = taskStates.some((state) => state.character === (current === 'X' ? 'x' : current))
    ? taskStates
    : [...taskStates, { character: current, name: taskStateName(current) }];
  const items = states.map((state) => {
    const item = document.createElement('button');
    item.type = 'button';
    item.setAttribute('role', 'menuitemradio');
    const chosen = state.character === (current === 'X' ? 'x' : current);
    item.setAttribute('aria-checked', String(chosen));
    const glyph = document.createElement('span');
    glyph.className = 'task-state-glyph';
    glyph.dataset.box = state.character;
    glyph.textContent = `[${state.character}]`;
    glyph.setAttribute('aria-hidden', 'true');
    item.append(glyph, state.name);
    item.addEventListener('click', () => {
      close();
      if (!chosen) choose(state.character);
    });
    menu.append(item);
    return item;
  });

  const onKey = (event: KeyboardEvent) => {
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape' || event.key === 'Tab') close();
    else if (event.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (event.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else if (event.key === 'Home') items[0]?.focus();
    else if (event.key === 'End') items.at(-1)?.focus();
    else return;
    event.preventDefault();
  };
  const onPointer = (event: PointerEvent) => {
    if (!menu.contains(event.target as Node)) close();
  };
  function close() {
    menu.remove();
    document.removeEventListener('pointerdown', onPointer, true);
    closeOpen = undefined;
    box.focus({ preventScroll: true });
  }
  menu.addEventListener('keydown', onKey);
  document.addEventListener('pointerdown', onPointer, true);
  closeOpen = close;

  const place = box.getBoundingClientRect();
  menu.style.left = `${Math.round(place.left)}px`;
  menu.style.top = `${Math.round(place.bottom + 4)}px`;
  document.body.append(menu);
  // Below the box, or above it when the window has no room below.
  const height = menu.getBoundingClientRect().height;
  if (place.bottom + 4 + height > window.innerHeight)
    menu.style.top = `${Math.max(4, Math.round(place.top - 4 - height))}px`;
  (items.find((item) => item.getAttribute('aria-checked') === 'true') ?? items[0])?.focus();
}
