import { describe, expect, it } from 'vitest';
import { headingAnchor, portableMarkdown } from './portableMarkdown.js';

const links = {
  linkFor: (key: string): string | undefined =>
    ({ 'SPEC-1': '#spec-1-guest-checkout', 'REQ-1': '#req-1' })[key],
  imageFor: (href: string): string | undefined =>
    href === '../assets/flow.png' ? '../assets/flow.png' : undefined,
};

describe('portableMarkdown', () => {
  const cases: [string, string, string][] = [
    ['a key in the bundle', 'See [[SPEC-1]].', 'See [SPEC-1](#spec-1-guest-checkout).'],
    ['a labelled key', 'See [[SPEC-1|the spec]].', 'See [the spec](#spec-1-guest-checkout).'],
    ['a requirement anchor', 'Part of [[SPEC-1#REQ-1]].', 'Part of [SPEC-1 › REQ-1](#req-1).'],
    ['a key outside the bundle', 'See [[SPEC-9]].', 'See **SPEC-9**.'],
    ['a reference in inline code', 'Type `[[SPEC-1]]` to link.', 'Type `[[SPEC-1]]` to link.'],
    [
      'a reference in fenced code',
      '```\n[[SPEC-1]]\n:::requirement{#REQ-1}\n```',
      '```\n[[SPEC-1]]\n:::requirement{#REQ-1}\n```',
    ],
    [
      'a requirement block',
      ':::requirement{#REQ-1 priority=must status=approved roadmap=RM-1}\nGuests pay.\n:::',
      '#### REQ-1\n\n*must · approved · delivers RM-1*\n\nGuests pay.',
    ],
    ['a top-level heading', '# Summary', '## Summary'],
    ['a local image', '![Flow](../assets/flow.png "Steps")', '![Flow](<../assets/flow.png> "Steps")'],
    ['a remote image', '![Chart](https://example.com/c.png)', '![Chart](https://example.com/c.png)'],
    ['an embed', '![[SPEC-1]]', '![[SPEC-1]]'],
    ['CRLF line endings', 'a\r\n[[SPEC-1]]\r\n', 'a\n[SPEC-1](#spec-1-guest-checkout)\n'],
  ];
  it.each(cases)('%s', (_, body, expected) => {
    expect(portableMarkdown(body, links)).toEqual(expected);
  });
});

describe('portableMarkdown with image embeds', () => {
  const embedding = {
    ...links,
    embedFor: (link: { target: string }): string | undefined =>
      link.target === 'dot.png' ? 'bundle.assets/dot.png' : undefined,
  };
  it.each<[string, string, string]>([
    [
      'an image embedded in a line',
      'Click ![[dot.png]] then.',
      'Click ![dot.png](<bundle.assets/dot.png>) then.',
    ],
    [
      'a sized one as an img any reader sizes',
      'Click ![[dot.png|40]] then.',
      'Click <img src="bundle.assets/dot.png" alt="dot.png" width="40"> then.',
    ],
    [
      'a note embed left as written',
      'See ![[Other]] and ![[dot.png]].',
      'See ![[Other]] and ![dot.png](<bundle.assets/dot.png>).',
    ],
    ['an embed in inline code', 'Type `![[dot.png]]`.', 'Type `![[dot.png]]`.'],
  ])('%s', (_, body, expected) => {
    expect(portableMarkdown(body, embedding)).toEqual(expected);
  });
});

describe('portableMarkdown with titles', () => {
  const titled = {
    ...links,
    titleFor: (key: string): string | undefined =>
      ({ 'SPEC-1': 'Guest checkout', 'REQ-1': 'Guests pay', 'SPEC-9': 'Gift [cards]' })[key],
  };
  const cases: [string, string, string][] = [
    ['a key in the bundle', 'See [[SPEC-1]].', 'See [SPEC-1 Guest checkout](#spec-1-guest-checkout).'],
    ['a labelled key keeps its label', 'See [[SPEC-1|the spec]].', 'See [the spec](#spec-1-guest-checkout).'],
    ['a requirement anchor', 'Part of [[SPEC-1#REQ-1]].', 'Part of [SPEC-1 › REQ-1 Guests pay](#req-1).'],
    ['a key outside the bundle, brackets escaped', 'See [[SPEC-9]].', 'See **SPEC-9 Gift \\[cards\\]**.'],
  ];
  it.each(cases)('%s', (_, body, expected) => {
    expect(portableMarkdown(body, titled)).toEqual(expected);
  });
});

describe('headingAnchor', () => {
  const cases: [string, string][] = [
    ['SPEC-1: Guest checkout', 'spec-1-guest-checkout'],
    ['FAQ-1: Guest checkout PR/FAQ', 'faq-1-guest-checkout-prfaq'],
    ['REQ-12', 'req-12'],
    ['Café & co', 'café--co'],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(headingAnchor(text)).toEqual(expected);
  });
});
