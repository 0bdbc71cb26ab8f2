/** Palette commands: the built-in list and the fuzzy filter that ranks them as the user types. */
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { freshlyCreated } from '../../workbench/createDocument.js';
import { documentHash, searchHash } from '../../workbench/route.js';

export interface PaletteCommand {
  /** Stable id; a shell command with the same id replaces the built-in one. */
  id: string;
  title: string;
  group: string;
  shortcut?: string;
  keywords?: string[];
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
  noteFolder: () => string;
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
  const create: PaletteCommand[] = context.writable
    ? newDocuments.map(({ type, title, noun }) => ({
        id: `new-${type}`,
        title,
        group: 'Create',
        keywords: ['create', 'add', type],
        ask: {
          label: `Title of the new ${noun}`,
          submit: async (value: string) => {
            const result = await context.api.createDocument({ type, title: value });
            if (!result.ok) return result.message;
            // Its title was typed here, so the body takes the keyboard.
            freshlyCreated.set(result.path, 'body');
            context.navigate(documentHash(result.path));
          },
        },
      }))
    : [];
  if (context.writable)
    create.push({
      id: 'new-note',
      title: 'New note',
      group: 'Create',
      keywords: ['create', 'add', 'note', 'markdown'],
      ask: {
        label: 'Title of the new note',
        submit: async (value: string) => {
          const result = await context.api.createNote({ folder: context.noteFolder(), title: value });
          if (!result.ok) return result.message;
          freshlyCreated.set(result.path, 'body');
          context.navigate(documentHash(result.path));
        },
      },
    });
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
  return scores.length > 0 ? Math.max(...scores) : undefined;
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
