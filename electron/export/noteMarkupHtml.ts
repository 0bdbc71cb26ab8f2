/**
 * Note markup in the export: `%%comments%%` left out (they print nowhere), block ids (`^id` ending
 * a paragraph) printed as an empty anchor that `[[Note#^id]]` lands on, `==highlights==` as
 * marks, `$math$` and `$$math$$` typeset by KaTeX as MathML (no script, fonts or styles needed),
 * footnote references linked to their definitions, printed where they are written.
 */
import katex from 'katex';
import { type Tokens, type TokenizerAndRendererExtension } from 'marked';
import { findInlineStart } from '../../shared/grammar/inlineStart.js';
import { footnoteNumberText } from '../../shared/markdown/footnoteNumbers.js';
import { matchRawInline } from '../../shared/markdown/extensions/rawInline.js';
import { rawInlineKind } from '../../shared/markdown/rawInlineKind.js';
import { stretchableFences } from '../../shared/markdown/stretchyFences.js';
import { blockAnchorId } from './bundleLinks.js';
import { escapeHtml } from './htmlSanitizer.js';

const printedKinds = new Set(['comment', 'math', 'footnote', 'blockId']);

function noteAtomAt(source: string): string | undefined {
  const raw = matchRawInline(source);
  return raw !== undefined && printedKinds.has(rawInlineKind(raw).kind) ? raw : undefined;
}

/** TeX as MathML; what KaTeX cannot read prints as its source. */
export function mathHtml(tex: string, display: boolean, source: string): string {
  try {
    return stretchableFences(
      katex.renderToString(tex, {
        displayMode: display,
        output: 'mathml',
        throwOnError: true,
        trust: false,
        maxExpand: 200,
      }),
    );
  } catch {
    return `<code class="math-source">${escapeHtml(source)}</code>`;
  }
}

/** Comments, math and footnote references; `idPrefix` keeps a bundle's documents' footnotes apart. */
export function noteAtomExtension(
  idPrefix: string,
  footnotes: ReadonlyMap<string, number>,
): TokenizerAndRendererExtension {
  return {
    name: 'noteAtom',
    level: 'inline',
    start(source) {
      const index = findInlineStart(
        source,
        /[%$[^]/g,
        (text, at) => noteAtomAt(text.slice(at)) !== undefined,
      );
      return index === -1 ? undefined : index;
    },
    tokenizer(source, tokens) {
      const raw = noteAtomAt(source);
      if (raw === undefined) return undefined;
      // A block id follows a space (`text ^id`) or stands alone; `mc^2` at a line's end is text.
      const before = tokens.at(-1)?.raw;
      if (raw.startsWith('^') && before !== undefined && !/\s$/.test(before)) return undefined;
      return { type: 'noteAtom', raw };
    },
    renderer(token) {
      const kind = rawInlineKind(token.raw);
      if (kind.kind === 'blockId')
        return `<span id="${escapeHtml(blockAnchorId(idPrefix, kind.id))}"></span>`;
      if (kind.kind === 'math') return mathHtml(kind.tex, kind.display, token.raw);
      if (kind.kind === 'footnote') {
        const id = `${idPrefix}fn-${kind.label.replace(/[^A-Za-z0-9_-]/g, '-')}`;
        return `<sup class="footnote-ref"><a href="#${escapeHtml(id)}">${escapeHtml(footnoteNumberText(footnotes, kind.label))}</a></sup>`;
      }
      return '';
    },
  };
}

const highlightAtStart = /^==(?=[^\s=])([^\n]*?[^\s=])==/;

export function highlightExtension(): TokenizerAndRendererExtension {
  return {
    name: 'highlight',
    level: 'inline',
    start(source) {
      const index = findInlineStart(source, /==/g, (text, at) => highlightAtStart.test(text.slice(at)));
      return index === -1 ? undefined : index;
    },
    tokenizer(source) {
      const match = highlightAtStart.exec(source);
      if (!match) return undefined;
      return { type: 'highlight', raw: match[0], tokens: this.lexer.inlineTokens(match[1]!, []) };
    },
    renderer(token) {
      return `<mark>${this.parser.parseInline((token as Tokens.Generic).tokens ?? [])}</mark>`;
    },
  };
}

const definitionAtStart = /^\[\^([^\]\s]+)\]:[ \t]*([^\n]*(?:\n(?: {2,}|\t)[^\n]*)*)(?:\n+|$)/;

/** `[^1]: text` (continued on indented lines): the note, printed where it is written, its reference's target. */
export function footnoteDefinitionExtension(
  idPrefix: string,
  footnotes: ReadonlyMap<string, number>,
): TokenizerAndRendererExtension {
  return {
    name: 'footnoteDefinition',
    level: 'block',
    start(source) {
      const match = /(?:^|\n)\[\^[^\]\s]+\]:/.exec(source);
      return match ? match.index + (match[0].startsWith('\n') ? 1 : 0) : undefined;
    },
    tokenizer(source) {
      const match = definitionAtStart.exec(source);
      if (!match) return undefined;
      const text = match[2]!.replace(/\n(?: {2,}|\t)/g, '\n');
      return {
        type: 'footnoteDefinition',
        raw: match[0],
        label: match[1]!,
        tokens: this.lexer.inlineTokens(text, []),
      };
    },
    renderer(token) {
      const { label, tokens } = token as Tokens.Generic;
      const id = `${idPrefix}fn-${String(label).replace(/[^A-Za-z0-9_-]/g, '-')}`;
      return `<div class="footnote" id="${escapeHtml(id)}"><sup>${escapeHtml(footnoteNumberText(footnotes, String(label)))}</sup> ${this.parser.parseInline(tokens ?? [])}</div>\n`;
    },
  };
}
