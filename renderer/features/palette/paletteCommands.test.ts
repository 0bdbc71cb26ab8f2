import { describe, it, expect } from 'vitest';
import type { PaletteCommand } from './paletteCommands.js';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { builtInCommands, filterCommands, mergeCommands } from './paletteCommands.js';

function command(id: string, title: string, group = 'Go to', keywords?: string[]): PaletteCommand {
  return { id, title, group, keywords, run: () => undefined };
}

const commands = [
  command('new-spec', 'New spec', 'Create', ['create']),
  command('go-roadmap', 'Go to roadmap'),
  command('go-timeline', 'Go to timeline'),
  command('go-trace', 'Go to traceability matrix'),
  command('toggle-theme', 'Toggle light and dark theme', 'View', ['dark']),
];

describe('filterCommands', () => {
  const cases: [string, string][] = [
    ['', 'new-spec go-roadmap go-timeline go-trace toggle-theme'],
    ['road', 'go-roadmap'],
    ['time', 'go-timeline toggle-theme'],
    ['dark', 'toggle-theme'],
    ['trace', 'go-trace'],
    ['go tra', 'go-trace go-roadmap'],
    ['create', 'new-spec'],
    ['zzz', ''],
  ];
  it.each(cases)('%j', (query, expected) => {
    expect(
      filterCommands(commands, query)
        .map((entry) => entry.id)
        .join(' '),
    ).toBe(expected);
  });
});

describe('mergeCommands', () => {
  it('lets the shell replace a built-in by id and append its own', () => {
    const merged = mergeCommands(commands.slice(0, 2), [
      command('go-roadmap', 'Roadmap (shell)'),
      command('export', 'Export'),
    ]);
    expect(merged.map((entry) => entry.title)).toEqual(['New spec', 'Roadmap (shell)', 'Export']);
  });
});

describe('the New commands', () => {
  const built = (notesFirst: boolean, noteFolder: string) =>
    builtInCommands({
      api: {} as SpecbenchApi,
      navigate: () => undefined,
      writable: true,
      toggleTheme: () => undefined,
      noteFolder,
      notesFirst,
      update: () => Promise.resolve(),
    });
  const cases: [string, boolean, string, string][] = [
    ['a folder of notes: New note first', true, 'Projects', 'new-note new-faq new-spec'],
    ['a PM workspace: its documents first', false, '', 'new-faq new-spec new-note'],
  ];
  it.each(cases)('%s', (_name, notesFirst, folder, expected) => {
    const shown = filterCommands(built(notesFirst, folder), 'new');
    expect(
      shown
        .slice(0, 3)
        .map((entry) => entry.id)
        .join(' '),
    ).toBe(expected);
  });

  it('New note says where the note goes', () => {
    const label = (folder: string) =>
      built(true, folder).find((entry) => entry.id === 'new-note')!.ask!.label;
    expect([label('Projects/2026'), label('')]).toEqual([
      'Title of the new note in Projects/2026',
      'Title of the new note (top folder)',
    ]);
  });
});
