import { Node } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { createMarkdownCodec } from '../markdownCodec.js';
import { typingMarks } from './codeInLink.js';

const codec = createMarkdownCodec();

/** The file after typing `typed` where `marker` (`|`, not in the file) stands, as the editor types it. */
function typeAt(withMarker: string, typed: string): { kept: string; saved: string } {
  const at = withMarker.indexOf('|');
  const source = withMarker.replace('|', '');
  const parsed = codec.parse(source);
  const doc = Node.fromJSON(codec.schema, parsed.doc);
  let position = -1;
  // The document position of the marker: the first one whose text before it ends where the marker was.
  const plain = source.slice(0, at).replace(/\[|\]\([^)]*\)|`|\*\*/g, '');
  for (let candidate = 1; candidate <= doc.content.size && position < 0; candidate++)
    if (doc.textBetween(0, candidate) === plain) position = candidate;
  const state = EditorState.create({ schema: codec.schema, doc });
  const tr = state.tr.setStoredMarks(typingMarks(doc, position)).insertText(typed, position);
  return { kept: String(parsed.doc.content![0]!.type), saved: codec.serialize(parsed, tr.doc.toJSON()) };
}

describe('code inside a link', () => {
  it.each([
    [
      'typed after the link: plain text after it',
      'See [`foo`](https://a.example)| here.\n',
      'See [`foo`](https://a.example)x here.\n',
    ],
    [
      'typed after the link at the end of the line',
      'See [`foo`](https://a.example)|\n',
      'See [`foo`](https://a.example)x\n',
    ],
    [
      'typed inside the code: the code grows',
      'See [`fo|o`](https://a.example).\n',
      'See [`foxo`](https://a.example).\n',
    ],
    [
      'typed after code ending a longer link text',
      'A [the `Foo`](https://a.example)| type.\n',
      'A [the `Foo`](https://a.example)x type.\n',
    ],
    ['typed after a code span that is no link: plain text after it', 'A `foo`| b.\n', 'A `foo`x b.\n'],
    ['typed inside a code span that is no link: it grows', 'A `fo|o` b.\n', 'A `foxo` b.\n'],
    ['code in a bold link', 'A **[`b`](https://a.example)|** c.\n', 'A **[`b`](https://a.example)x** c.\n'],
  ])('%s', (_name, withMarker, expected) => {
    expect(typeAt(withMarker, 'x')).toEqual({ kept: 'paragraph', saved: expected });
  });
});
