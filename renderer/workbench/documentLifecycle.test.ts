import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FileVersion } from '../../shared/contract/apiContract.js';
import {
  openLifecycle,
  transition,
  type LifecycleEffect,
  type LifecycleEvent,
  type LifecycleState,
} from './documentLifecycle.js';

const version = (n: number): FileVersion => ({ size: n, mtimeMs: n, hash: n.toString(16).padStart(64, '0') });

/** Runs events from a fresh session at `path`; `$` in an event's generation means "the one in flight". */
function run(events: LifecycleEvent[], path = 'faqs/a.md'): { state: LifecycleState; effects: string[] } {
  let [state, effects] = openLifecycle(path);
  const seen = effects.map(describeEffect);
  for (const event of events) {
    const withGeneration =
      'generation' in event && event.generation < 0 ? { ...event, generation: state.generation } : event;
    [state, effects] = transition(state, withGeneration);
    seen.push(...effects.map(describeEffect));
  }
  return { state, effects: seen };
}

function describeEffect(effect: LifecycleEffect): string {
  if (effect.type === 'save' || effect.type === 'read' || effect.type === 'check')
    return `${effect.type} ${effect.path}`;
  if (effect.type === 'file') return `${effect.request.kind} ${effect.path}`;
  if (effect.type === 'renamed') return `renamed ${effect.from} → ${effect.to}`;
  return effect.type;
}

const now = -1;
const loaded: LifecycleEvent = { type: 'loaded', generation: now, version: version(1) };

describe('document lifecycle transitions', () => {
  const cases: [string, LifecycleEvent[], Partial<LifecycleState>, string[]][] = [
    ['opening reads the file', [], { phase: 'loading', busy: 'read' }, ['read faqs/a.md']],
    [
      'a read that fails leaves the document missing',
      [{ type: 'loadFailed', generation: now, message: 'gone' }],
      { phase: 'missing', message: 'gone' },
      ['read faqs/a.md'],
    ],
    [
      'an edit schedules autosave',
      [loaded, { type: 'edited' }],
      { status: 'unsaved', dirty: true },
      ['read faqs/a.md', 'scheduleSave'],
    ],
    [
      'autosave saves to the current path',
      [loaded, { type: 'edited' }, { type: 'saveDue' }],
      { status: 'saving', busy: 'save', dirty: false },
      ['read faqs/a.md', 'scheduleSave', 'cancelSave', 'save faqs/a.md'],
    ],
    [
      'a saved result makes it saved and drops the backup',
      [
        loaded,
        { type: 'edited' },
        { type: 'saveDue' },
        { type: 'saved', generation: now, version: version(2) },
      ],
      { status: 'saved', base: version(2), busy: undefined },
      ['read faqs/a.md', 'scheduleSave', 'cancelSave', 'save faqs/a.md', 'wrote', 'discardBackup'],
    ],
    [
      'typing during a save stays unsaved and saves again',
      [
        loaded,
        { type: 'edited' },
        { type: 'saveDue' },
        { type: 'edited' },
        { type: 'saved', generation: now, version: version(2) },
      ],
      { status: 'unsaved', dirty: true },
      [
        'read faqs/a.md',
        'scheduleSave',
        'cancelSave',
        'save faqs/a.md',
        'scheduleSave',
        'wrote',
        'scheduleSave',
      ],
    ],
    [
      'a rename waits for the save in flight, then saves go to the new name',
      [
        loaded,
        { type: 'edited' },
        { type: 'saveDue' },
        { type: 'request', request: { kind: 'rename' } },
        { type: 'saved', generation: now, version: version(2) },
        { type: 'moved', generation: now, path: 'faqs/b.md' },
        { type: 'edited' },
        { type: 'saveDue' },
      ],
      { path: 'faqs/b.md', status: 'saving' },
      [
        'read faqs/a.md',
        'scheduleSave',
        'cancelSave',
        'save faqs/a.md',
        'wrote',
        'discardBackup',
        'rename faqs/a.md',
        'renamed faqs/a.md → faqs/b.md',
        'scheduleSave',
        'cancelSave',
        'save faqs/b.md',
      ],
    ],
    [
      'a move that rewrote the document’s own links reads it again, and a clean buffer takes it',
      [
        loaded,
        { type: 'request', request: { kind: 'move', folder: 'guides' } },
        { type: 'moved', generation: now, path: 'guides/a.md', updatedFiles: ['faqs/a.md', 'faqs/b.md'] },
        { type: 'diskRead', generation: now, theirs: { text: 'x', version: version(3) } },
      ],
      { path: 'guides/a.md', status: 'saved', base: version(3) },
      ['read faqs/a.md', 'move faqs/a.md', 'renamed faqs/a.md → guides/a.md', 'check guides/a.md', 'adopt'],
    ],
    [
      'a move that rewrote only other files reads nothing',
      [
        loaded,
        { type: 'request', request: { kind: 'move', folder: 'guides' } },
        { type: 'moved', generation: now, path: 'guides/a.md', updatedFiles: ['faqs/b.md'] },
      ],
      { path: 'guides/a.md', status: 'saved', busy: undefined },
      ['read faqs/a.md', 'move faqs/a.md', 'renamed faqs/a.md → guides/a.md'],
    ],
    [
      'a rename asked for with unsaved edits saves them first',
      [loaded, { type: 'edited' }, { type: 'request', request: { kind: 'rename' } }],
      { busy: 'save', request: { kind: 'rename' } },
      ['read faqs/a.md', 'scheduleSave', 'cancelSave', 'save faqs/a.md'],
    ],
    [
      'a stale save result is dropped',
      [
        loaded,
        { type: 'edited' },
        { type: 'saveDue' },
        { type: 'saved', generation: 1, version: version(9) },
      ],
      { status: 'saving', base: version(1) },
      ['read faqs/a.md', 'scheduleSave', 'cancelSave', 'save faqs/a.md'],
    ],
    [
      'an outside change to a clean buffer reloads it',
      [
        loaded,
        { type: 'changedOnDisk' },
        { type: 'diskRead', generation: now, theirs: { text: 'x', version: version(3) } },
      ],
      { status: 'saved', base: version(3) },
      ['read faqs/a.md', 'check faqs/a.md', 'adopt'],
    ],
    [
      'an outside change to a dirty buffer is a conflict',
      [
        loaded,
        { type: 'edited' },
        { type: 'changedOnDisk' },
        { type: 'diskRead', generation: now, theirs: { text: 'x', version: version(3) } },
      ],
      { status: 'conflict', dirty: true },
      ['read faqs/a.md', 'scheduleSave', 'check faqs/a.md', 'cancelSave'],
    ],
    [
      'a move’s rewrite of the note’s own links merged into typing is saved on the new version',
      [
        loaded,
        { type: 'edited' },
        { type: 'changedOnDisk' },
        { type: 'merged', generation: now, version: version(3) },
      ],
      { status: 'unsaved', dirty: true, base: version(3), theirs: undefined },
      ['read faqs/a.md', 'scheduleSave', 'check faqs/a.md', 'scheduleSave'],
    ],
    [
      'Keep mine saves over their version',
      [
        loaded,
        { type: 'edited' },
        { type: 'changedOnDisk' },
        { type: 'diskRead', generation: now, theirs: { text: 'x', version: version(3) } },
        { type: 'keepMine' },
      ],
      { status: 'saving', theirs: undefined },
      ['read faqs/a.md', 'scheduleSave', 'check faqs/a.md', 'cancelSave', 'cancelSave', 'save faqs/a.md'],
    ],
    [
      'leaving saves pending edits, then closes',
      [
        loaded,
        { type: 'edited' },
        { type: 'leave' },
        { type: 'saved', generation: now, version: version(2) },
      ],
      { phase: 'closed' },
      [
        'read faqs/a.md',
        'scheduleSave',
        'cancelSave',
        'cancelSave',
        'save faqs/a.md',
        'wrote',
        'discardBackup',
        'closed',
      ],
    ],
    [
      'a paste still being written is not Saved, and a save meanwhile keeps it Unsaved',
      [
        loaded,
        { type: 'editStarted' },
        { type: 'edited' },
        { type: 'saveDue' },
        { type: 'saved', generation: now, version: version(2) },
      ],
      { status: 'unsaved', pending: 1 },
      ['read faqs/a.md', 'scheduleSave', 'cancelSave', 'save faqs/a.md', 'wrote', 'discardBackup'],
    ],
    [
      'leaving waits for a paste on its way, saves what it brought, then closes',
      [
        loaded,
        { type: 'editStarted' },
        { type: 'leave' },
        { type: 'edited' },
        { type: 'editArrived' },
        { type: 'saved', generation: now, version: version(2) },
      ],
      { phase: 'closed', pending: 0 },
      [
        'read faqs/a.md',
        'cancelSave',
        'scheduleSave',
        'cancelSave',
        'save faqs/a.md',
        'wrote',
        'discardBackup',
        'closed',
      ],
    ],
    [
      'a delete waits for a paste on its way and saves it first',
      [
        loaded,
        { type: 'editStarted' },
        { type: 'request', request: { kind: 'trash' } },
        { type: 'edited' },
        { type: 'editArrived' },
        { type: 'saved', generation: now, version: version(2) },
      ],
      { busy: 'trash' },
      [
        'read faqs/a.md',
        'scheduleSave',
        'cancelSave',
        'save faqs/a.md',
        'wrote',
        'discardBackup',
        'trash faqs/a.md',
      ],
    ],
    [
      'a paste that fails before reaching the buffer leaves it Saved',
      [loaded, { type: 'editStarted' }, { type: 'editArrived' }],
      { status: 'saved', pending: 0 },
      ['read faqs/a.md'],
    ],
    [
      'leaving in a conflict closes without saving (the backup keeps the text)',
      [
        loaded,
        { type: 'edited' },
        { type: 'changedOnDisk' },
        { type: 'diskRead', generation: now, theirs: { text: 'x', version: version(3) } },
        { type: 'leave' },
      ],
      { phase: 'closed' },
      ['read faqs/a.md', 'scheduleSave', 'check faqs/a.md', 'cancelSave', 'cancelSave', 'closed'],
    ],
    [
      'trash saves pending edits first, then closes',
      [
        loaded,
        { type: 'edited' },
        { type: 'request', request: { kind: 'trash' } },
        { type: 'saved', generation: now, version: version(2) },
        { type: 'trashed', generation: now },
      ],
      { phase: 'closed' },
      [
        'read faqs/a.md',
        'scheduleSave',
        'cancelSave',
        'save faqs/a.md',
        'wrote',
        'discardBackup',
        'trash faqs/a.md',
        'gone',
        'closed',
      ],
    ],
    [
      'leaving after a failed save tries once more, then closes (the backup keeps the text)',
      [
        loaded,
        { type: 'edited' },
        { type: 'saveDue' },
        { type: 'saveFailed', generation: now, message: 'disk full' },
        { type: 'leave' },
        { type: 'saveFailed', generation: now, message: 'disk full' },
      ],
      { phase: 'closed' },
      [
        'read faqs/a.md',
        'scheduleSave',
        'cancelSave',
        'save faqs/a.md',
        'cancelSave',
        'cancelSave',
        'save faqs/a.md',
        'closed',
      ],
    ],
    [
      'a save that missed the server waits for it, typing on included, then saves once it is back',
      [
        loaded,
        { type: 'edited' },
        { type: 'saveDue' },
        { type: 'saveFailed', generation: now, message: 'unreachable', offline: true },
        { type: 'edited' },
        { type: 'reconnected' },
      ],
      { status: 'saving', busy: 'save', dirty: false },
      ['read faqs/a.md', 'scheduleSave', 'cancelSave', 'save faqs/a.md', 'cancelSave', 'save faqs/a.md'],
    ],
    [
      'a document left while the server is away stays open until its edits are saved',
      [
        loaded,
        { type: 'edited' },
        { type: 'saveDue' },
        { type: 'saveFailed', generation: now, message: 'unreachable', offline: true },
        { type: 'leave' },
        { type: 'saveFailed', generation: now, message: 'unreachable', offline: true },
      ],
      { phase: 'ready', status: 'offline', dirty: true, left: true },
      [
        'read faqs/a.md',
        'scheduleSave',
        'cancelSave',
        'save faqs/a.md',
        'cancelSave',
        'cancelSave',
        'save faqs/a.md',
      ],
    ],
    [
      '… and closes once the server is back and the save went through',
      [
        loaded,
        { type: 'edited' },
        { type: 'saveDue' },
        { type: 'saveFailed', generation: now, message: 'unreachable', offline: true },
        { type: 'leave' },
        { type: 'saveFailed', generation: now, message: 'unreachable', offline: true },
        { type: 'reconnected' },
        { type: 'saved', generation: now, version: version(2) },
      ],
      { phase: 'closed', status: 'saved' },
      [
        'read faqs/a.md',
        'scheduleSave',
        'cancelSave',
        'save faqs/a.md',
        'cancelSave',
        'cancelSave',
        'save faqs/a.md',
        'cancelSave',
        'save faqs/a.md',
        'wrote',
        'discardBackup',
        'closed',
      ],
    ],
    [
      'a save the server refused is not the server being away: reconnecting does not retry it',
      [
        loaded,
        { type: 'edited' },
        { type: 'saveDue' },
        { type: 'saveFailed', generation: now, message: 'read-only' },
        { type: 'reconnected' },
      ],
      { status: 'failed', dirty: true, busy: undefined },
      ['read faqs/a.md', 'scheduleSave', 'cancelSave', 'save faqs/a.md'],
    ],
  ];
  it.each(cases)('%s', (_name, events, expected, effects) => {
    const result = run(events);
    const picked = Object.fromEntries(
      Object.keys(expected).map((key) => [key, result.state[key as keyof LifecycleState]]),
    );
    expect({ state: picked, effects: result.effects }).toEqual({ state: expected, effects });
  });
});

type Action =
  | { kind: 'user'; event: LifecycleEvent }
  | { kind: 'complete'; outcome: 'ok' | 'conflict' | 'deleted' | 'failed' | 'missing' | 'moved' }
  | { kind: 'stale'; outcome: 'ok' | 'moved' }
  /** A pasted image written to assets/ reaches the buffer. */
  | { kind: 'arrive' };

const userEvents: LifecycleEvent[] = [
  { type: 'edited' },
  { type: 'editStarted' },
  { type: 'saveDue' },
  { type: 'changedOnDisk' },
  { type: 'request', request: { kind: 'rename' } },
  { type: 'request', request: { kind: 'move', folder: 'specs' } },
  { type: 'request', request: { kind: 'trash' } },
  { type: 'keepMine' },
  { type: 'takeTheirs' },
  { type: 'restored', base: version(7) },
  { type: 'leave' },
];
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...userEvents).map((event) => ({ kind: 'user' as const, event })) },
  {
    weight: 5,
    arbitrary: fc
      .constantFrom('ok', 'ok', 'conflict', 'deleted', 'failed', 'missing', 'moved')
      .map((outcome) => ({ kind: 'complete' as const, outcome })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('ok', 'moved').map((outcome) => ({ kind: 'stale' as const, outcome })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'arrive' as const }) },
);

/** The result the environment gives for the operation in flight. */
function resultFor(
  state: LifecycleState,
  generation: number,
  outcome: string,
  serial: number,
): LifecycleEvent {
  const theirs = { text: `theirs ${serial}`, version: version(1000 + serial) };
  switch (state.busy) {
    case 'read':
      return outcome === 'missing'
        ? { type: 'loadFailed', generation, message: 'gone' }
        : { type: 'loaded', generation, version: version(serial) };
    case 'save':
      if (outcome === 'conflict') return { type: 'saveConflict', generation, theirs };
      if (outcome === 'deleted') return { type: 'saveDeleted', generation };
      if (outcome === 'failed') return { type: 'saveFailed', generation, message: 'disk full' };
      return { type: 'saved', generation, version: version(serial) };
    case 'check':
      if (outcome === 'missing') return { type: 'diskMissing', generation };
      return {
        type: 'diskRead',
        generation,
        theirs: outcome === 'ok' ? { text: 'same', version: state.base ?? version(0) } : theirs,
      };
    case 'trash':
      return outcome === 'failed'
        ? { type: 'requestFailed', generation, message: 'no' }
        : { type: 'trashed', generation };
    default:
      return outcome === 'failed'
        ? { type: 'requestFailed', generation, message: 'no' }
        : { type: 'moved', generation, path: `faqs/renamed-${serial}.md` };
  }
}

describe('document lifecycle under random event orders', () => {
  it('keeps one operation in flight, drops stale results, saves to its current path and loses no edit', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), (actions) => {
        let [state, effects] = openLifecycle('faqs/a.md');
        let inFlight = effects.filter((effect) => 'generation' in effect).length;
        /** An edit made after the last save was issued (the text no save has taken yet). */
        let unsavedEdit = false;
        let serial = 0;
        const drain = (): void => {
          for (let guard = 0; guard < 20 && state.busy; guard++)
            apply({ kind: 'complete', outcome: state.busy === 'read' ? 'ok' : 'ok' });
        };
        const apply = (step: Action): void => {
          serial++;
          if (step.kind === 'arrive') {
            if (state.pending === 0) return;
            apply({ kind: 'user', event: { type: 'edited' } });
            return apply({ kind: 'user', event: { type: 'editArrived' } });
          }
          const before = state;
          let event: LifecycleEvent;
          if (step.kind === 'user') event = step.event;
          else if (!state.busy) return;
          else
            event = resultFor(
              state,
              step.kind === 'stale' ? state.generation - 1 : state.generation,
              step.outcome,
              serial,
            );
          [state, effects] = transition(state, event);
          if (step.kind === 'stale') {
            expect(state).toBe(before);
            return;
          }
          if (step.kind === 'complete') inFlight--;
          if (event.type === 'edited' && state.phase === 'ready') unsavedEdit = true;
          if (event.type === 'takeTheirs' && before.theirs) unsavedEdit = false;
          // The user deleted the document: the trash holds it as last saved (the editor is gone at once).
          if (event.type === 'trashed') unsavedEdit = false;
          for (const effect of effects) {
            if ('generation' in effect) inFlight++;
            if (effect.type === 'save') {
              expect(effect.path).toBe(state.path);
              unsavedEdit = false;
            }
            if (effect.type === 'file' && effect.request.kind !== 'trash')
              expect(before.dirty && !isFailing(before) ? 'dirty' : 'clean').toBe('clean');
          }
          if (event.type === 'saveConflict' || event.type === 'saveDeleted' || event.type === 'saveFailed')
            unsavedEdit = true;
          expect(inFlight).toBe(state.busy ? 1 : 0);
          if (state.status === 'saved') expect([state.dirty, state.pending]).toEqual([false, 0]);
          if (state.phase === 'closed')
            expect(effects.every((effect) => !('generation' in effect))).toBe(true);
        };
        for (const step of actions) apply(step);
        // Leaving with every operation succeeding: what was typed is saved, unless a conflict or failure holds it (backed up).
        apply({ kind: 'user', event: { type: 'leave' } });
        drain();
        while (state.pending > 0) {
          apply({ kind: 'arrive' });
          drain();
        }
        if (state.phase !== 'closed') expect(state.theirs ?? isFailing(state)).toBeTruthy();
        if (state.phase === 'closed' && !state.theirs && !isFailing(state)) expect(unsavedEdit).toBe(false);
      }),
      { numRuns: 2000, seed: 20261206 },
    );
  });
});

function isFailing(state: LifecycleState): boolean {
  return state.status === 'failed' || state.status === 'deleted';
}
