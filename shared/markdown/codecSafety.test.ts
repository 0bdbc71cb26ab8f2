import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { createMarkdownCodec } from './markdownCodec.js';

const unknownHtml =
  '<custom-widget data-a="1">\nbody\n</custom-widget>\n\nInline <marquee>old</marquee> and <b>bold</b>.\n';

describe('createMarkdownCodec safety', () => {
  it('keeps HTML raw even when a DOM is present, never handing it to an HTML parser', () => {
    const globals = globalThis as { window?: unknown };
    const calls: string[] = [];
    // A DOM whose parser records every use: TipTap's stock path would call it and drop unknown tags.
    globals.window = {
      DOMParser: class {
        parseFromString(html: string) {
          calls.push(html);
          throw new Error('the codec must not parse HTML');
        }
      },
    };
    try {
      const codec = createMarkdownCodec();
      const parsed = codec.parse(unknownHtml);
      const types = parsed.doc.content!.map((node) => node.type);
      expect([codec.serialize(parsed, parsed.doc), types, calls]).toEqual([
        unknownHtml,
        ['rawBlock', 'paragraph'],
        [],
      ]);
    } finally {
      delete globals.window;
    }
  });

  it('registers no tokenizer on the global marked instance', () => {
    const before = marked.defaults.extensions;
    for (let count = 0; count < 30; count++) createMarkdownCodec().parse('[[SPEC-1]] &copy;\n');
    expect(marked.defaults.extensions).toBe(before);
  });

  it('parses task lists in time linear in their length', () => {
    const codec = createMarkdownCodec();
    const list = (items: number) =>
      Array.from(
        { length: items },
        (_, index) => `- [${index % 2 ? 'x' : ' '}] task ${index}\n\nText ${index}.\n`,
      ).join('\n');
    const time = (text: string) => {
      const start = Date.now();
      codec.parse(text);
      return Date.now() - start;
    };
    time(list(50));
    const small = Math.min(time(list(250)), time(list(250)));
    const large = Math.min(time(list(1000)), time(list(1000)));
    // Four times the items: about four times the time when linear, sixteen when quadratic.
    expect(large / small).toBeLessThan(8);
  });
});
