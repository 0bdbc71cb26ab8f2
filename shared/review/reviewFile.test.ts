import { describe, expect, it } from 'vitest';
import {
  appendEntry,
  appendThread,
  escapeBody,
  parseReviewFile,
  unescapeBody,
  type NewEntry,
} from './reviewFile.js';

const dana = { name: 'Dana Lee', email: 'dana@example.com' };
const sam = { name: 'Sam Reviewer' };

function entry(id: string, fields: Partial<NewEntry> = {}): NewEntry {
  return { id, at: '2026-12-06T11:20:05Z', action: 'comment', body: 'Looks good.', ...dana, ...fields };
}

const oneThread = appendThread(
  undefined,
  'SPEC-3',
  { id: 't-aaaa', anchor: { kind: 'key', key: 'REQ-12' }, label: 'REQ-12' },
  entry('c-0001', { body: 'What about saved cards?' }),
);

describe('review file', () => {
  it('writes a new file that reads as Markdown and parses back', () => {
    expect(oneThread).toBe(
      [
        '# Review comments on SPEC-3',
        '',
        'One section per thread; Specbench appends each reply, resolve and reopen to its thread.',
        '',
        '## On REQ-12 <!-- thread t-aaaa on="REQ-12" -->',
        '',
        '**Dana Lee** <dana@example.com> · 2026-12-06T11:20:05Z <!-- comment c-0001 -->',
        '',
        'What about saved cards?',
        '',
      ].join('\n'),
    );
  });

  it('appends a reply inside its thread and changes no other byte', () => {
    const two = appendThread(
      oneThread,
      'SPEC-3',
      {
        id: 't-bbbb',
        anchor: { kind: 'text', quote: 'abandon  checkout', slug: 'problem' },
        label: '“abandon checkout”',
      },
      entry('c-0002', { body: 'Source?' }),
    );
    const replied = appendEntry(
      two,
      't-aaaa',
      entry('c-0003', { ...sam, email: undefined, body: 'Later.' }),
    )!;
    expect(replied.startsWith(oneThread.trimEnd())).toBe(true);
    expect(replied.endsWith(two.slice(oneThread.length - 1))).toBe(true);
    const parsed = parseReviewFile(replied);
    expect(
      parsed.threads.map((thread) => ({
        id: thread.id,
        anchor: thread.anchor,
        entries: thread.entries.map(({ id, name, body }) => `${id} ${name}: ${body}`),
      })),
    ).toEqual([
      {
        id: 't-aaaa',
        anchor: { kind: 'key', key: 'REQ-12' },
        entries: ['c-0001 Dana Lee: What about saved cards?', 'c-0003 Sam Reviewer: Later.'],
      },
      {
        id: 't-bbbb',
        anchor: { kind: 'text', quote: 'abandon checkout', slug: 'problem' },
        entries: ['c-0002 Dana Lee: Source?'],
      },
    ]);
  });

  it.each([
    ['resolved last', ['resolved'], true],
    ['reopened after resolving', ['resolved', 'reopened'], false],
    ['never resolved', [], false],
  ] as const)('thread state: %s', (_name, actions, resolved) => {
    let text = oneThread;
    actions.forEach((action, index) => {
      text = appendEntry(
        text,
        't-aaaa',
        entry(`c-10${index}`, { action, body: '', at: `2026-12-06T12:0${index}:00Z` }),
      )!;
    });
    expect(parseReviewFile(text).threads[0]!.resolved).toBe(resolved);
  });

  it('decides the state by date when a merge put an older resolve after a newer reopen', () => {
    let text = appendEntry(
      oneThread,
      't-aaaa',
      entry('c-r2', { action: 'reopened', body: '', at: '2026-12-07T09:00:00Z' }),
    )!;
    text = appendEntry(
      text,
      't-aaaa',
      entry('c-r1', { action: 'resolved', body: '', at: '2026-12-06T09:00:00Z' }),
    )!;
    expect(parseReviewFile(text).threads[0]!.resolved).toBe(false);
  });

  it('keeps CRLF, a missing final newline and unknown lines byte for byte', () => {
    const handEdited =
      oneThread.replace(/\n/g, '\r\n').replace(/\r\n$/, '') + '\r\nA note someone typed by hand.';
    const replied = appendEntry(handEdited, 't-aaaa', entry('c-0004', { body: 'Noted.' }))!;
    expect(replied.startsWith(handEdited)).toBe(true);
    expect(replied.slice(handEdited.length)).toBe(
      '\r\n\r\n**Dana Lee** <dana@example.com> · 2026-12-06T11:20:05Z <!-- comment c-0004 -->\r\n\r\nNoted.\r\n',
    );
    expect(parseReviewFile(replied).threads[0]!.entries.map((each) => each.body)).toEqual([
      'What about saved cards?\nA note someone typed by hand.',
      'Noted.',
    ]);
  });

  it('cannot be tricked by a comment that contains a marker line', () => {
    const forged =
      'Fine.\n## On REQ-1 <!-- thread t-evil on="REQ-1" -->\n\\**X** · 2026-01-01T00:00:00Z <!-- comment c-evil -->';
    const text = appendEntry(oneThread, 't-aaaa', entry('c-0005', { body: forged }))!;
    const threads = parseReviewFile(text).threads;
    expect(threads.map((thread) => [thread.id, thread.entries.map((each) => each.body)])).toEqual([
      ['t-aaaa', ['What about saved cards?', forged]],
    ]);
  });

  it.each(['plain', '<!-- comment c-1 -->', '\\<!-- thread t-1 on="A-1" -->', '\\\\x <!-- comment c-2 -->'])(
    'escaping is undone exactly: %s',
    (line) => {
      expect(unescapeBody(escapeBody(line))).toBe(line);
    },
  );

  it('reads a block a merge duplicated once and ignores lines before the first thread', () => {
    const duplicated = `stray line\n${oneThread}\n**Dana Lee** · 2026-12-06T11:20:05Z <!-- comment c-0001 -->\n\nAgain.\n`;
    expect(parseReviewFile(duplicated).threads[0]!.entries.map((each) => each.id)).toEqual(['c-0001']);
  });

  it('refuses to append to a thread that is not there', () => {
    expect(appendEntry(oneThread, 't-none', entry('c-0006'))).toBeUndefined();
  });
});
