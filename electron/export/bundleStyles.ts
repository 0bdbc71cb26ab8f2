import { exportMathFamily, exportMonoFamily, exportSansFamily } from './exportFonts.js';

/** The embedded faces first (exportFonts.ts); the rest only for scripts they lack (CJK, emoji, …). */
const sans = `'${exportSansFamily}', Inter, "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif`;
const mono = `'${exportMonoFamily}', "DejaVu Sans Mono", "Liberation Mono", Menlo, monospace`;

/** The running header and footer's type; their texts come from runningHeaders.ts. */
const marginBox = `font-family: ${sans}; font-size: 8pt; color: #5b6577;`;

/** A4's margins in millimetres: the running header sits in the top one, the page number in the bottom one. */
export const pageMargins = { top: 24, right: 18, bottom: 22, left: 18 } as const;

/** The bundle's one stylesheet, inlined into the HTML: print first (A4), readable on screen too. */
export const bundleStyles = `
@page { size: A4; margin: ${pageMargins.top}mm ${pageMargins.right}mm ${pageMargins.bottom}mm ${pageMargins.left}mm;
  @top-left { ${marginBox} vertical-align: bottom; margin-bottom: 4mm; padding-bottom: 2mm; border-bottom: 0.5px solid #d9dee7; }
  @top-right { ${marginBox} vertical-align: bottom; margin-bottom: 4mm; padding-bottom: 2mm; border-bottom: 0.5px solid #d9dee7; text-align: right; }
  @bottom-center { ${marginBox} vertical-align: top; padding-top: 4mm; }
}
:root { --ink: #1c2330; --muted: #5b6577; --rule: #d9dee7; --accent: #1f5fbf; --soft: #f4f6fa; }
* { box-sizing: border-box; }
html { font-family: ${sans}; font-size: 10.5pt;
  color: var(--ink); line-height: 1.5; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
@media screen { body { max-width: 52rem; margin: 2rem auto; padding: 0 1.5rem; } }
a { color: var(--accent); text-decoration: none; }
a.key { font-weight: 600; }
span.key { font-weight: 600; color: var(--muted); }
a.key, span.key, td.nowrap { white-space: nowrap; }
a.reference .key { color: var(--accent); }
.key-title { font-weight: 400; }
h1, h2, h3, h4 { line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 22pt; margin: 0 0 4mm; font-weight: 700; letter-spacing: -0.01em; }
h2 { font-size: 14pt; margin: 8mm 0 3mm; padding-bottom: 1.5mm; border-bottom: 1px solid var(--rule); }
h3 { font-size: 11.5pt; margin: 6mm 0 2mm; }
h4, h5, h6 { font-size: 10.5pt; margin: 4mm 0 2mm; }
.number { color: var(--accent); font-weight: 600; margin-right: 0.35em; }
p, ul, ol { margin: 0 0 2.5mm; }
ul, ol { padding-left: 6mm; }
li { margin: 0.6mm 0; }
li.task { list-style: none; }
ul:has(> li.task):not(:has(> li:not(.task))) { padding-left: 2mm; }
li:has(> .checkbox) { padding-left: 1.1em; text-indent: -1.1em; }
/* The hanging indent is the task line's own: a list nested in the item would inherit it and print its bullet over its text. */
li:has(> .checkbox) > :is(ul, ol) { text-indent: 0; }
/* Drawn, not a ☐/☑ glyph: the embedded fonts have none, and a fallback font would differ per machine. */
.checkbox { display: inline-block; position: relative; width: 0.85em; height: 0.85em; margin-right: 0.2em;
  vertical-align: -0.1em; border: 1.2px solid var(--muted); border-radius: 0.15em; }
.checkbox.checked { border-color: #1d7a46; background: #1d7a46; }
.checkbox.checked::after { content: ''; position: absolute; left: 0.24em; top: 0.06em; width: 0.22em; height: 0.45em;
  border: solid #fff; border-width: 0 0.12em 0.12em 0; transform: rotate(45deg); }
/* Another state's box holds its character, coloured as the app colours it; a cancelled task is struck through. */
.checkbox[data-task] { border-color: var(--task, var(--accent)); }
.checkbox[data-task]::after { content: attr(data-task); position: absolute; inset: 0; display: grid; place-items: center;
  font-size: 0.62em; font-weight: 700; line-height: 1; text-indent: 0; color: var(--task, var(--accent)); }
.checkbox[data-task="/"] { background: linear-gradient(135deg, #dbe6f7 50%, transparent 50%); }
.checkbox[data-task="-"], .checkbox[data-task=">"], .checkbox[data-task="<"] { --task: var(--muted); }
.checkbox[data-task="?"] { --task: #8a4a00; }
.checkbox[data-task="!"] { --task: #b3261e; }
li:has(> .checkbox[data-task="-"]), li:has(> p > .checkbox[data-task="-"]) { text-decoration: line-through; color: var(--muted); }
img { max-width: 100%; height: auto; display: block; margin: 3mm auto; border: 1px solid var(--rule); border-radius: 2mm; }
img.inline-image { display: inline-block; margin: 0 0.15em; vertical-align: middle; border: none; border-radius: 0; }
.callout { margin: 0 0 3mm; padding: 2mm 4mm; border-left: 3px solid var(--callout, #2d4db5); border-radius: 1.5mm;
  background: color-mix(in srgb, var(--callout, #2d4db5) 8%, white); break-inside: avoid; }
.callout-title { font-weight: 600; color: var(--callout, #2d4db5); margin-bottom: 1mm; }
.callout > :last-child { margin-bottom: 0; }
.callout-abstract, .callout-todo { --callout: #0b6e7a; }
.callout-tip, .callout-success { --callout: #1b6e3a; }
.callout-question, .callout-warning { --callout: #8a4a00; }
.callout-failure, .callout-danger, .callout-bug, .callout-caution { --callout: #b3261e; }
.callout-example, .callout-important { --callout: #6b35b8; }
.callout-quote { --callout: #545c66; }
.name-link { color: var(--accent); }
/* A note not printed here reads as plain text, said once per document to be left out; not as a broken link. */
.name-link.outside, .name-link.missing { color: inherit; }
.outside-note { color: var(--muted); font-size: 0.85em; }
.embed-note { display: block; margin: 0 0 3mm; padding: 2mm 4mm; border: 1px solid var(--rule); border-left: 3px solid var(--accent); border-radius: 1.5mm; }
.embed-source { display: block; font-size: 8.5pt; color: var(--muted); margin-bottom: 1mm; }
.embedded-heading { font-weight: 600; }
.embed-stop { color: var(--muted); font-style: italic; }
mark { background: #fff1a8; color: inherit; padding: 0 0.5mm; border-radius: 0.5mm; }
.footnote-ref a { font-weight: 600; }
.footnote { font-size: 9pt; color: var(--muted); margin: 0 0 1.5mm; }
.footnote > sup { color: var(--accent); font-weight: 600; }
math[display="block"] { margin: 2mm 0; }
/* A matrix's bars and brackets stretch to its height in the embedded math font. */
math mo[fence="true"] { font-family: '${exportMathFamily}', math; }
.math-source { color: var(--muted); }
.diagram { margin: 2mm 0 4mm; text-align: center; break-inside: avoid; page-break-inside: avoid; }
/* At most about half the text height: a diagram pushed to the next page leaves no more than half a page blank. */
.diagram svg { max-width: 100%; max-height: 120mm; height: auto; }
.diagram-failed pre { margin-bottom: 1mm; }
.diagram-error { margin: 0 0 3mm; font-size: 9pt; color: var(--muted); font-style: italic;
  font-feature-settings: 'calt' 0; }
.image-alt { display: inline-block; padding: 1mm 2mm; border: 1px dashed var(--rule); color: var(--muted); font-style: italic; }
code { font-family: ${mono}; font-size: 9pt; background: var(--soft);
  padding: 0.2mm 1mm; border-radius: 1mm; }
pre { background: var(--soft); padding: 3mm; border-radius: 2mm; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 9pt; }
pre code { background: none; padding: 0; }
/* The characters written: JetBrains Mono would turn => and --> into arrows. */
code, pre, kbd, samp { font-variant-ligatures: none; }
blockquote { margin: 0 0 3mm; padding: 1mm 4mm; border-left: 3px solid var(--rule); color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border-bottom: 1px solid var(--rule); padding: 1.6mm 2.2mm; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; border-bottom: 1.5px solid #b9c1cf; }
/* A Markdown table's column alignment (:-: and --:), which the rule above would override. */
th[align="center"], td[align="center"] { text-align: center; }
th[align="right"], td[align="right"] { text-align: right; }
.cover { height: 240mm; display: flex; flex-direction: column; break-after: page; page-break-after: always; }
.cover .workspace { font-size: 11pt; letter-spacing: 0.14em; text-transform: uppercase; color: var(--accent); font-weight: 700;
  margin-top: 40mm; }
.cover h1 { font-size: 30pt; margin: 5mm 0 3mm; border: none; }
.cover .subtitle { font-size: 13pt; color: var(--muted); margin-bottom: 14mm; }
.cover .band { height: 2mm; width: 28mm; background: var(--accent); margin-bottom: 10mm; }
.cover table { font-size: 10pt; }
.cover table.approvals { margin-top: 8mm; }
.cover table.approvals td.unbroken { white-space: nowrap; }
.cover table.approvals td:not(.unbroken) { overflow-wrap: anywhere; }
.cover table.approvals caption { text-align: left; font-weight: 700; padding-bottom: 2mm; }
.cover p.approvals { margin-top: 8mm; font-size: 10pt; color: var(--muted); }
.cover .meta { margin-top: auto; display: grid; grid-template-columns: 30mm 1fr; row-gap: 1.5mm; font-size: 9.5pt; color: var(--muted); }
.cover .meta dt { font-weight: 600; color: var(--ink); }
.cover .meta dd { margin: 0; }
/* One document: a header block above it, not a page of its own. */
.cover.cover-single { height: auto; display: block; break-after: auto; page-break-after: auto; margin-bottom: 8mm; padding-bottom: 3mm; border-bottom: 1px solid var(--rule); }
.cover.cover-single .workspace { margin-top: 0; }
.cover.cover-single .meta { margin-top: 3mm; }
.cover-single + .document { break-before: auto; page-break-before: auto; }
@media screen { .cover-single + .document { margin-top: 0; padding-top: 0; border-top: none; } }
.contents { break-after: page; page-break-after: always; }
.contents h2 { border: none; font-size: 18pt; margin-top: 0; }
.contents ol { list-style: none; padding: 0; margin: 0; }
.contents li a { display: flex; align-items: baseline; color: var(--ink); padding: 1mm 0; }
.contents li.level-1 { margin-top: 3mm; font-weight: 600; }
.contents li.level-2 a { padding-left: 8mm; font-size: 10pt; }
.contents .number { min-width: 10mm; display: inline-block; }
.contents li.level-2 .number { min-width: 12mm; color: var(--muted); font-weight: 400; }
/* A hairline, not a dotted leader: Chromium draws each dot as a path (103 pages printed in 3 s, not 1.2 s). */
.contents .leader { flex: 1; border-bottom: 0.5px solid #c9d0db; margin: 0 2mm; transform: translateY(-1mm); }
.contents .page { min-width: 8mm; text-align: right; font-variant-numeric: tabular-nums; }
.document { break-before: page; page-break-before: always; }
@media screen { .document, .appendix { margin-top: 12mm; padding-top: 8mm; border-top: 2px solid var(--rule); } }
.document-kind { font-size: 9pt; letter-spacing: 0.12em; text-transform: uppercase; color: var(--muted); margin: 0 0 2mm; font-weight: 600; }
.properties { width: auto; min-width: 60%; margin-bottom: 6mm; }
.properties th { width: 32mm; background: none; border-bottom: 1px solid var(--rule); color: var(--muted); font-weight: 500; }
.field-map { margin: 0; padding: 0; list-style: none; }
.field-map .field-key { color: var(--muted); }
.requirement { border: 1px solid var(--rule); border-left: 4px solid var(--accent); border-radius: 2mm; padding: 2.5mm 4mm 1mm;
  margin: 3mm 0 4mm; background: #fbfcfe; break-inside: avoid; page-break-inside: avoid; }
.requirement-header { display: flex; flex-wrap: wrap; align-items: center; gap: 2mm; margin-bottom: 1.5mm; font-size: 9pt; }
.requirement-key { font-weight: 700; font-size: 10pt; color: var(--ink); }
.requirement-body > :first-child { font-weight: 500; }
.delivers { margin-left: auto; color: var(--muted); }
.badge { border-radius: 10mm; padding: 0.3mm 2.2mm; font-size: 8pt; font-weight: 600; text-transform: uppercase;
  letter-spacing: 0.05em; background: #e8ecf3; color: #3a4456; }
.priority-must { background: #fde7e4; color: #a1281a; }
.priority-should { background: #fff1d6; color: #8a5a00; }
.priority-could { background: #e3f1ff; color: #1f5fbf; }
.status-approved, .status-implemented, .status-done, .status-shipped { background: #dff3e6; color: #1d7a46; }
.appendix { break-before: page; page-break-before: always; }
.unlinked { text-decoration: underline dotted; }
.comments .thread { break-inside: avoid; border: 1px solid var(--rule); border-radius: 4px; padding: 2mm 4mm; margin: 0 0 4mm; }
.comments .thread h3 { margin: 0 0 2mm; font-size: 10.5pt; }
.comments .thread ol { list-style: none; margin: 0; padding: 0; }
.comments .thread li + li { border-top: 1px solid var(--rule); }
.comments .comment-meta { margin: 1.5mm 0 0.5mm; font-size: 9pt; }
.comments .comment-body { margin: 0 0 1.5mm; overflow-wrap: anywhere; }
`;
