import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { sanitizeDiagramSvg } from '../../shared/markdown/htmlPolicy.js';

const purifier = createDOMPurify(new JSDOM('').window as Parameters<typeof createDOMPurify>[0]);
const svg = (inside: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${inside}</svg>`;

describe('sanitizeDiagramSvg', () => {
  it.each([
    [
      'shapes, markers and its own style stay',
      '<style>#d .node{fill:#eee}</style><path d="M0 0" marker-end="url(#arrow)"></path><text x="1">Pay</text>',
      '<style>#d .node{fill:#eee}</style><path d="M0 0" marker-end="url(#arrow)"></path><text x="1">Pay</text>',
    ],
    [
      'scripts and handlers go',
      '<script>alert(1)</script><rect onload="alert(2)" width="2"></rect>',
      '<rect width="2"></rect>',
    ],
    [
      'links go (their text stays), HTML labels and references go',
      '<a href="https://x.example"><text>x</text></a><foreignObject><div>y</div></foreignObject><use href="#a"></use>',
      '<text>x</text>',
    ],
    [
      'a style that fetches goes',
      '<style>@import url(https://x.example/a.css);</style><style>g{fill:url(https://x.example/p)}</style>',
      '',
    ],
  ])('%s', (_name, inside, expected) => {
    expect(sanitizeDiagramSvg(purifier, svg(inside))).toBe(svg(expected));
  });
});
