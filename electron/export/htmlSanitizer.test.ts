import { describe, expect, it } from 'vitest';
import { activeContent, attributes, safeHref, sanitizeRawHtml } from './htmlSanitizer.js';

describe('sanitizeRawHtml', () => {
  const cases: [string, string, string][] = [
    ['a bare formatting tag', 'H<sub>2</sub>O', 'H<sub>2</sub>O'],
    ['a line break', 'one<br>two<br/>', 'one<br>two<br />'],
    ['a script', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['an event handler', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['an allowed tag with attributes', '<b onclick="x()">b</b>', '&lt;b onclick=&quot;x()&quot;&gt;b</b>'],
    [
      'an iframe',
      '<iframe src="https://example.com"></iframe>',
      '&lt;iframe src=&quot;https://example.com&quot;&gt;&lt;/iframe&gt;',
    ],
    [
      'meta and base',
      '<meta http-equiv="refresh"><base href="x">',
      '&lt;meta http-equiv=&quot;refresh&quot;&gt;&lt;base href=&quot;x&quot;&gt;',
    ],
    ['a form', '<form><input></form>', '&lt;form&gt;&lt;input&gt;&lt;/form&gt;'],
    ['a comment', 'kept<!-- <script>x</script> -->', 'kept'],
    ['an unclosed comment', 'kept<!-- <script>', 'kept'],
    ['an uppercase tag', '<SCRIPT>x</SCRIPT><KBD>K</KBD>', '&lt;SCRIPT&gt;x&lt;/SCRIPT&gt;<kbd>K</kbd>'],
    [
      'entities between tags',
      '<b>&copy; &#169; &lt;script&gt; & more</b>',
      '<b>&copy; &#169; &lt;script&gt; &amp; more</b>',
    ],
    [
      'an entity inside a refused tag',
      '<a href="&#106;avascript:x">',
      '&lt;a href=&quot;&#106;avascript:x&quot;&gt;',
    ],
  ];
  it.each(cases)('%s', (_, raw, expected) => {
    expect(sanitizeRawHtml(raw)).toEqual(expected);
  });
});

describe('safeHref', () => {
  const cases: [string, string | undefined][] = [
    ['https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['mailto:dana@example.com', 'mailto:dana@example.com'],
    ['#requirement-REQ-1', '#requirement-REQ-1'],
    ['javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    [' java\tscript:alert(1)', undefined],
    ['data:text/html,<script>', undefined],
    ['vbscript:x', undefined],
    ['file:///etc/passwd', undefined],
    ['../specs/other.md', undefined],
  ];
  it.each(cases)('%s', (href, expected) => {
    expect(safeHref(href)).toEqual(expected);
  });
});

describe('attributes', () => {
  it('escapes values and drops event handlers', () => {
    expect(attributes({ title: '"><script>', onclick: 'x()', alt: undefined })).toEqual(
      ' title="&quot;&gt;&lt;script&gt;"',
    );
  });
});

describe('activeContent', () => {
  const cases: [string, string[]][] = [
    ['<p>fine</p><a href="#x">x</a><img src="data:image/png;base64,AA">', []],
    ['<script>x</script>', ['script']],
    ['<iframe></iframe>', ['embedding or navigation element']],
    ['<p onclick="x">', ['event handler']],
    ['<a href="javascript:x">', ['script URL']],
    ['<a href="data:text/html,x">', ['data: link']],
  ];
  it.each(cases)('%s', (html, expected) => {
    expect(activeContent(html)).toEqual(expected);
  });
});
