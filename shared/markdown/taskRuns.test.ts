import { type JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { createMarkdownCodec } from './markdownCodec.js';

// Obsidian's own shape: 4-space nested bullets, then the tasks in the same list.
const codec = createMarkdownCodec();

const launchPlan = [
  '- Milestones',
  '    - Beta opens',
  '        - Invite 200 users',
  '        - Collect feedback',
  '    - GA',
  '- Dependencies',
  '    1. Billing',
  '    2. Support docs',
  '',
  '- [ ] Draft announcement',
  '- [x] Legal review',
  '',
].join('\n');

function edited(text: string, edit: (doc: JSONContent) => void): string {
  const parsed = codec.parse(text);
  const doc = JSON.parse(JSON.stringify(parsed.doc)) as JSONContent;
  edit(doc);
  return codec.serialize(parsed, doc);
}

describe('lists mixing tasks and bullets', () => {
  it.each([
    ['4-space indents', launchPlan],
    ['2-space indents', launchPlan.replace(/ {4}/g, '  ')],
    ['3-space indents', '- a\n   - b\n- [ ] c\n'],
    ['tab indents', launchPlan.replace(/ {4}/g, '\t')],
    ['tasks first, no blank line', '- [ ] a\n- b\n    - c\n- [x] d\n'],
  ])('with %s are rich lists, written back byte for byte', (_name, text) => {
    const parsed = codec.parse(text);
    const types = (parsed.doc.content ?? []).map((node) => node.type);
    expect({
      types: types.filter((type) => type === 'rawBlock'),
      back: codec.serialize(parsed, parsed.doc),
    }).toEqual({
      types: [],
      back: text,
    });
  });

  it('ticks a box by changing only its character', () => {
    const after = edited(launchPlan, (doc) => {
      doc.content![1]!.content![0]!.attrs = { ...doc.content![1]!.content![0]!.attrs, checked: true };
    });
    expect(after).toBe(launchPlan.replace('- [ ] Draft', '- [x] Draft'));
  });

  it('a sub-item added to a 4-space list is indented 4 spaces', () => {
    const after = edited(launchPlan, (doc) => {
      const milestones = doc.content![0]!.content![0]!;
      const nested = milestones.content![1]!;
      nested.content!.push({
        type: 'listItem',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Retro' }] }],
      });
    });
    expect(after).toBe(launchPlan.replace('    - GA\n', '    - GA\n    - Retro\n'));
  });

  it('a new bullet list and task list side by side are written as the one list they were read from', () => {
    const added = (list: string) =>
      edited('Intro.\n', (doc) => doc.content!.push(...codec.parse(list).doc.content!));
    // Before, a blank line went between the runs: pasted, the one tight list came back as a loose one.
    expect(added('- item\n- [ ] task\n- [x] done\n')).toBe('Intro.\n\n- item\n- [ ] task\n- [x] done\n');
  });
});

describe('loose lists mixing tasks and bullets', () => {
  const looseMixed = '- Milestones\n\n- [ ] Draft\n\n- Budget\n';

  it.each([
    ['a task between bullets', looseMixed],
    ['tasks side by side', '- a\n\n- [ ] b\n\n- [x] c\n'],
    ['tasks first, two blank lines', '- [ ] a\n\n\n- [x] b\n\n- c\n'],
    ['only tasks', '- [ ] a\n\n- [x] b\n'],
    ['nested under a bullet', '- Phase 1\n\n  - [ ] Spec\n\n  - [x] Plan\n\n  - Notes\n'],
  ])('with %s are loose rich lists, written back byte for byte', (_name, text) => {
    const parsed = codec.parse(text);
    expect({
      blocks: (parsed.doc.content ?? []).map((node) => `${node.type} ${node.attrs?.loose}`),
      back: codec.serialize(parsed, parsed.doc),
    }).toEqual({
      blocks: (parsed.doc.content ?? []).map(
        (node) => `${node.type === 'taskList' ? 'taskList' : 'bulletList'} true`,
      ),
      back: text,
    });
  });

  it('an item added to a loose run is set apart by a blank line', () => {
    const after = edited(looseMixed, (doc) => {
      doc.content![1]!.content!.push({
        type: 'taskItem',
        attrs: { checked: false },
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Review' }] }],
      });
    });
    expect(after).toBe(looseMixed.replace('- [ ] Draft\n', '- [ ] Draft\n\n- [ ] Review\n'));
  });

  it('a tight run inside a loose list keeps its lines together when edited', () => {
    const text = '- a\n- b\n\n- [ ] c\n';
    const after = edited(text, (doc) => {
      doc.content![0]!.content![0]!.content![0]!.content![0]!.text = 'a2';
    });
    expect(after).toBe('- a2\n- b\n\n- [ ] c\n');
  });

  it('an edit in a one-item run of a list loose elsewhere adds no blank line around it', () => {
    const text = '- a\n\n- [ ] b\n- c\n- [ ] d\n';
    const after = edited(text, (doc) => {
      doc.content![2]!.content![0]!.content![0]!.content![0]!.text = 'c2';
    });
    expect(after).toBe('- a\n\n- [ ] b\n- c2\n- [ ] d\n');
  });

  it('new loose runs side by side are written with their blank lines', () => {
    const added = edited('Intro.\n', (doc) => doc.content!.push(...codec.parse(looseMixed).doc.content!));
    expect(added).toBe(`Intro.\n\n${looseMixed}`);
  });
});
