import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { PageAction } from '../../shared/contract/apiContract.js';
import type { ContextMenuParams } from './contextMenu.js';
import { ContextMenuBroker } from './contextMenuBroker.js';

const flags = {
  canUndo: true,
  canRedo: false,
  canCut: true,
  canCopy: true,
  canPaste: true,
  canSelectAll: true,
};
const inEditor: ContextMenuParams = {
  misspelledWord: '',
  dictionarySuggestions: [],
  isEditable: true,
  selectionText: '',
  linkURL: '',
  editFlags: flags,
};
const onNothing: ContextMenuParams = { ...inEditor, isEditable: false };
const copyKey: PageAction = { id: 'copy-key', label: 'Copy Key REQ-2', text: 'REQ-2' };
const insert: PageAction = { id: 'insert-requirement', label: 'Insert Requirement' };

/** Electron's Menu stands in as a recorder (no runtime here): the test clicks an item and/or closes it. */
function harness(waitMs = 30) {
  const log: string[] = [];
  let shown: { template: MenuItemConstructorOptions[]; closed: () => void } | undefined;
  const broker = new ContextMenuBroker({
    ask: (request) => log.push(`ask ${request.requestId}`),
    popup: (template, closed) => {
      shown = { template, closed };
      log.push(
        `popup ${template
          .filter((item) => item.label)
          .map((item) => item.label)
          .join(' | ')}`,
      );
    },
    commands: {
      replaceMisspelling: (word) => log.push(`replace ${word}`),
      addToDictionary: (word) => log.push(`add ${word}`),
      openLink: (url) => log.push(`open ${url}`),
      copyText: (text) => log.push(`copy ${text}`),
    },
    waitMs,
    clickGraceMs: 10,
  });
  const click = (label: string) =>
    (shown?.template.find((item) => item.label === label)?.click as () => void)();
  return { log, broker, click, close: () => shown?.closed() };
}

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ContextMenuBroker', () => {
  it('shows the page’s actions with the edit items; Copy Key copies in main and answers the choice', async () => {
    const { log, broker, click, close } = harness();
    broker.request(inEditor);
    const shown = broker.show({ requestId: 1, actions: [copyKey, insert] });
    click('Copy Key REQ-2');
    close();
    expect([await shown, log]).toEqual([
      { ok: true, chosen: 'copy-key' },
      ['ask 1', 'popup Copy Key REQ-2 | Insert Requirement', 'copy REQ-2'],
    ]);
  });

  it('a click that arrives just after the menu closed still counts (the order differs by platform)', async () => {
    const { broker, click, close } = harness();
    broker.request(inEditor);
    const shown = broker.show({ requestId: 1, actions: [insert] });
    close();
    click('Insert Requirement');
    expect(await shown).toEqual({ ok: true, chosen: 'insert-requirement' });
  });

  it('closing the menu without a choice answers null', async () => {
    const { broker, close } = harness();
    broker.request(inEditor);
    const shown = broker.show({ requestId: 1, actions: [insert] });
    close();
    expect(await shown).toEqual({ ok: true, chosen: null });
  });

  it('a page that does not answer still gets the spelling and edit menu, and a late answer is refused', async () => {
    const { log, broker } = harness(20);
    broker.request({ ...inEditor, misspelledWord: 'recieve', dictionarySuggestions: ['receive'] });
    await later(60);
    const late = await broker.show({ requestId: 1, actions: [insert] });
    expect([log, late.ok]).toEqual([['ask 1', 'popup receive | Add to Dictionary'], false]);
  });

  it('a newer right-click replaces one the page has not answered', async () => {
    const { log, broker } = harness();
    broker.request(inEditor);
    broker.request(onNothing);
    const stale = await broker.show({ requestId: 1, actions: [insert] });
    const current = broker.show({ requestId: 2, actions: [copyKey] });
    await later(60);
    expect([stale, log]).toEqual([
      { ok: false, error: 'no-menu', message: 'That right-click has passed.' },
      ['ask 1', 'ask 2', 'popup Copy Key REQ-2'],
    ]);
    void current;
  });

  it('nothing to offer: no menu at all', async () => {
    const { log, broker } = harness();
    broker.request(onNothing);
    expect([await broker.show({ requestId: 1, actions: [] }), log]).toEqual([
      { ok: true, chosen: null },
      ['ask 1'],
    ]);
  });
});
