/**
 * A task item's box: `[ ]` and `[x]`, and the other single characters Obsidian themes give a state
 * (`[?]`, `[-]`, `[/]`, `[>]`, `[!]`…). Digits stay text, so a reference list `- [1] Smith` is not a task.
 */

/** One box's character, as a regular expression source (for patterns built around it). */
export const taskBoxCharacter = String.raw`(?: |[^\s\d\[\]\\])`;

/** `[c]` with any box character. */
export const taskBoxPattern = String.raw`\[${taskBoxCharacter}\]`;

/** Whether `character` is an ordinary box's: `[ ]`, `[x]` or `[X]`; the others keep their character. */
export function isOrdinaryBox(character: string): boolean {
  return character === ' ' || character === 'x' || character === 'X';
}

/** A task item's attributes from its box's character: `marker` keeps any character but `[ ]` and `[x]`'s. */
export function taskAttributes(character: string): { checked: boolean; marker: string | null } {
  return {
    checked: character === 'x' || character === 'X',
    marker: character === ' ' || character === 'x' ? null : character,
  };
}

/** The state character of a box that is neither to do nor done (`?`, `-`…), or undefined. */
export function customBox(attrs: { marker?: unknown } | undefined): string | undefined {
  const marker = attrs?.marker;
  return typeof marker === 'string' && marker.length > 0 && !isOrdinaryBox(marker) ? marker : undefined;
}

/** The character a task item's box is written with. */
export function boxCharacter(attrs: { checked?: unknown; marker?: unknown } | undefined): string {
  const marker = attrs?.marker;
  if (typeof marker === 'string' && marker.length > 0) return marker;
  return attrs?.checked ? 'x' : ' ';
}

/** The states offered for a box, with the names themes give them; a box's own character is kept if not here. */
export const taskStates: readonly { character: string; name: string }[] = [
  { character: ' ', name: 'To do' },
  { character: 'x', name: 'Done' },
  { character: '/', name: 'In progress' },
  { character: '-', name: 'Cancelled' },
  { character: '>', name: 'Deferred' },
  { character: '<', name: 'Scheduled' },
  { character: '?', name: 'Question' },
  { character: '!', name: 'Important' },
];

/** What a box's state is called (a character no theme names: by the character). */
export function taskStateName(character: string): string {
  return (
    taskStates.find((state) => state.character === (character === 'X' ? 'x' : character))?.name ??
    `Marked “${character}”`
  );
}
