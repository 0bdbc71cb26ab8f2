import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuCommands } from './appMenu.js';

function recorder(): { calls: string[]; commands: MenuCommands } {
  const calls: string[] = [];
  return {
    calls,
    commands: {
      newDocument: (type) => calls.push(`new ${type}`),
      newNote: () => calls.push('new note'),
      openWorkspace: () => calls.push('open'),
      openRecent: (folder) => calls.push(`recent ${folder}`),
      navigate: (hash) => calls.push(`navigate ${hash}`),
      openSample: () => calls.push('sample'),
      setSpelling: (enabled) => calls.push(`spelling ${enabled}`),
    },
  };
}

function find(items: MenuItemConstructorOptions[], labels: string[]): MenuItemConstructorOptions | undefined {
  const [first, ...rest] = labels;
  const item = items.find((each) => each.label?.replace('&', '') === first || each.role === first);
  if (!item || rest.length === 0) return item;
  return find(item.submenu as MenuItemConstructorOptions[], rest);
}

const offline = { enabled: false, downloads: true };

describe('buildMenuTemplate', () => {
  const cases: [string[], string][] = [
    [['File', 'New Spec'], 'new spec'],
    [['File', 'New Story'], 'new story'],
    [['File', 'New FAQ'], 'new faq'],
    [['File', 'New Note'], 'new note'],
    [['File', 'Open Workspace…'], 'open'],
    [['File', 'Open Recent', 'work — /home/dana/work'], 'recent /home/dana/work'],
    [['View', 'Roadmap'], 'navigate #/roadmap'],
    [['View', 'Problems'], 'navigate #/problems'],
    [['help', 'Open the Sample Workspace'], 'sample'],
    [['Edit', 'Check Spelling While Typing (downloads a dictionary)'], 'spelling true'],
  ];
  it.each(cases)('%j runs %s', (labels, expected) => {
    const { calls, commands } = recorder();
    const item = find(buildMenuTemplate(commands, ['/home/dana/work'], 'linux', offline), labels);
    (item?.click as (() => void) | undefined)?.();
    expect(calls).toEqual([expected]);
  });

  const topLevel: [NodeJS.Platform, string[]][] = [
    ['linux', ['File', 'Edit', 'View', 'windowMenu', 'help']],
    ['darwin', ['appMenu', 'File', 'Edit', 'View', 'windowMenu', 'help']],
  ];
  it.each(topLevel)('top-level menus on %s', (platform, expected) => {
    const labels = buildMenuTemplate(recorder().commands, [], platform, offline).map(
      (item) => item.label?.replace('&', '') ?? item.role,
    );
    expect(labels).toEqual(expected);
  });

  const spellingCases: [string, { enabled: boolean; downloads: boolean }, [string, boolean]][] = [
    [
      'Linux, off: says it downloads',
      offline,
      ['Check Spelling While Typing (downloads a dictionary)', false],
    ],
    [
      'macOS, on: the system spellchecker',
      { enabled: true, downloads: false },
      ['Check Spelling While Typing', true],
    ],
  ];
  it.each(spellingCases)('the spelling item: %s', (_name, spelling, expected) => {
    const edit = find(buildMenuTemplate(recorder().commands, [], 'linux', spelling), ['Edit']);
    const item = (edit?.submenu as MenuItemConstructorOptions[]).find((each) => each.type === 'checkbox');
    expect([item?.label, item?.checked]).toEqual(expected);
  });

  it('disables Open Recent when there is nothing recent', () => {
    expect(
      find(buildMenuTemplate(recorder().commands, [], 'linux', offline), ['File', 'Open Recent'])?.enabled,
    ).toEqual(false);
  });
});
