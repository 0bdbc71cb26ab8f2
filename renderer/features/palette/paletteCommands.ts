/** Palette commands: the built-in list and the fuzzy filter that ranks them as the user types. */
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { createAndOpen, createNoteAndOpen, newNoteLabel } from '../../workbench/createDocument.js';
import { searchHash } from '../../workbench/route.js';
import type { WorkspaceUpdate } from '../../workbench/workspaceState.js';

export interface PaletteCommand {
  /** Stable id; a shell command with the same id replaces the built-in one. */
  id: string;
  title: string;
  group: string;
  shortcut?: string;
  keywords?: string[];
  /** Listed first among equally good matches (New note in a folder of notes). */
  preferred?: boolean;
  /** Runs at once; or, with `ask`, the palette first asks for one line of text. */
  run?: () => void | Promise<void>;
  /** `submit` returns an error message to show, or nothing when it succeeded. */
  ask?: {
    label: string;
    submit: (value: string) => string | void | Promise<string | void>;
    /** Answers to offer under the box (existing folders for a move); any other may be typed. */
    suggestions?: { label: string; values: readonly string[] };
  };
}

export interface BuiltInContext {
  api: SpecbenchApi;
  navigate: (hash: string) => void;
  writable: boolean;
  toggleTheme: () => void;
  /** The folder "New note" writes into: the open document's, else the root. */
  noteFolder: string;
  /** A folder of notes (a vault): New note is offered before New spec, story and FAQ. */
  notesFirst: boolean;
  /** Counts and lists in the sidebar take the new document at once, as the sidebar's buttons do. */
  update: (change: WorkspaceUpdate) => Promise<void>;
}

const newDocuments = [
  { type: 'spec', title: 'New spec', noun: 'spec' },
  { type: 'story', title: 'New story', noun: 'story' },
  { type: 'faq', title: 'New FAQ', noun: 'FAQ' },
  { type: 'feedback', title: 'New feedback note', noun: 'feedback note' },
] as const;

const places = [
  ['home', 'Go to home', '#/'],
  ['roadmap', 'Go to roadmap', '#/roadmap'],
  ['timeline', 'Go to timeline', '#/timeline'],
  ['stories', 'Go to stories', '#/stories'],
  ['trace', 'Go to traceability matrix', '#/trace'],
  ['problems', 'Go to problems', '#/problems'],
  ['feedback', 'Go to feedback', '#/feedback'],
  ['releases', 'Go to releases', '#/releases'],
  ['metrics', 'Go to metrics', '#/metrics'],
  ['changes', 'Go to changes', '#/changes'],
] as const;

export function builtInCommands(context: BuiltInContext): PaletteCommand[] {
  const created = (result: { ok: true } | { ok: false; message: string }) =>
    result.ok ? undefined : result.message;
  const documents: PaletteCommand[] = newDocuments.map(({ type, title, noun }) => ({
    id: `new-${type}`,
    title,
    group: 'Create',
    keywords: ['create', 'add', type],
    ask: {
      label: `Title of the new ${noun}`,
      submit: async (value: string) =>
        created(await createAndOpen(context.api, type, context.update, context.navigate, undefined, value)),
    },
  }));
  const note: PaletteCommand = {
    id: 'new-note',
    title: 'New note',
    group: 'Create',
    preferred: context.notesFirst,
    keywords: ['create', 'add', 'note', 'markdown'],
    ask: {
      label: newNoteLabel(context.noteFolder),
      submit: async (value: string) =>
        created(
          await createNoteAndOpen(context.api, context.noteFolder, value, context.update, context.navigate),
        ),
    },
  };
  const create = !context.writable ? [] : context.notesFirst ? [note, ...documents] : [...documents, note];
  const go: PaletteCommand[] = places.map(([id, title, hash]) => ({
    id: `go-${id}`,
    title,
    group: 'Go to',
    keywords: ['open', 'show', 'view'],
    run: () => context.navigate(hash),
  }));
  return [
    ...create,
    ...go,
    {
      id: 'search',
      title: 'Search in all documents',
      group: 'Go to',
      shortcut: 'Ctrl+Shift+F',
      keywords: ['find', 'full text'],
      ask: { label: 'Search for', submit: (value) => context.navigate(searchHash(value)) },
    },
    {
      id: 'toggle-theme',
      title: 'Toggle light and dark theme',
      group: 'View',
      keywords: ['dark', 'light', 'color'],
      run: context.toggleTheme,
    },
  ];
}

/** Shell commands replace built-ins with the same id and otherwise come after them. */
export function mergeCommands(
  builtIns: readonly PaletteCommand[],
  extra: readonly PaletteCommand[],
): PaletteCommand[] {
  const ids = new Set(extra.map((command) => command.id));
  return [...builtIns.filter((command) => !ids.has(command.id)), ...extra];
}

/**
 * Ranks commands whose title or keywords contain the query's characters in order; consecutive
 * characters and word starts score higher. An empty query keeps the original order.
 */
export function filterCommands(commands: readonly PaletteCommand[], query: string): PaletteCommand[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [...commands];
  return commands
    .map((command, order) => ({ command, order, score: bestScore(command, needle) }))
    .filter(
      (entry): entry is { command: PaletteCommand; order: number; score: number } =>
        entry.score !== undefined,
    )
    .sort((left, right) => right.score - left.score || left.order - right.order)
    .map((entry) => entry.command);
}

function bestScore(command: PaletteCommand, needle: string): number | undefined {
  const title = fuzzyScore(`${command.group}: ${command.title}`.toLowerCase(), needle);
  const plain = fuzzyScore(command.title.toLowerCase(), needle);
  const keyword = (command.keywords ?? [])
    .map((word) => fuzzyScore(word.toLowerCase(), needle))
    .filter((score): score is number => score !== undefined)
    .map((score) => score - 1);
  const scores = [title, plain, ...keyword].filter((score): score is number => score !== undefined);
  if (scores.length === 0) return undefined;
  // Less than one matched character is worth: it outranks only a shorter title matched as well.
  return Math.max(...scores) + (command.preferred ? 0.5 : 0);
}

export function fuzzyScore(text: string, needle: string): number | undefined {
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const character of needle) {
    const found = text.indexOf(character, from);
    if (found < 0) return undefined;
    if (found === previous + 1) score += 3;
    if (found === 0 || /[\s:/-]/.test(text[found - 1]!)) score += 2;
    score += 1;
    previous = found;
    from = found + 1;
  }
  return score - text.length / 100;
}
