/**
 * The lossless Markdown codec shared by the editor and the engine: every top-level block remembers
 * its source text and a fingerprint of its JSON, and is written back from that text unless edited.
 */
import { getSchema, type Extensions, type JSONContent } from '@tiptap/core';
import { MarkdownManager } from '@tiptap/markdown';
import { type Schema } from '@tiptap/pm/model';
import { Marked, type Lexer, type Links, type Token, type marked as globalMarked } from 'marked';
import { type RequirementBlockMatch, matchRequirementBlock } from '../grammar/linkGrammar.js';
import { splitDocument } from '../frontMatter/frontMatter.js';
import { documentFingerprint, fingerprintOf, nodeFingerprint, sameBlocks } from './blockAlignment.js';
import { calloutTokenizer } from './extensions/callout.js';
import { requirementNodeAttributes } from './extensions/requirement.js';
import { createMarkdownExtensions } from './markdownExtensions.js';
import {
  hasUnsafeLink,
  largestModelledBlock,
  mergeFrontMatterLike,
  rawReason,
  tileTokens,
} from './blockTiling.js';
import { buildDetails } from './detailsBlock.js';
import { applyMarkToContent, placeholdMarkedAtoms, restoreMarkedAtoms } from './inlineAtomMarks.js';
import { placeholdCodeEdgeSpaces, restoreCodeEdgeSpaces } from './codeSpanSpaces.js';
import { renderHtml } from './markdownHtml.js';
import { escapeMarkdownText } from './markdownText.js';
import { spliceBlock, type Replacement } from './blockSplice.js';
import { mapTextblocks } from './inlineSourceMap.js';
import { referenceLinkTokenizer } from './referenceLinks.js';
import { keepTableSource } from './tableKeep.js';
import { mixedTaskRuns, type TaskRun, withoutRunLooseness } from './taskRuns.js';
import { writeBlocks, type BlockList, type BlockSource } from './blockWriter.js';
import { type DocumentSource, type ParsedDocument } from './parsedDocument.js';
import { dominantLineEnding, normalizedOffsets } from './lineEndings.js';
import {
  collectStyleVotes,
  prevailingStyle,
  resolveStyle,
  standardStyle,
  type MarkdownStyle,
  type StyleVotes,
} from './markdownStyle.js';

export type { BlockList, BlockSource } from './blockWriter.js';
export type { DocumentSource, ParsedDocument } from './parsedDocument.js';

export interface MarkdownCodec {
  parse(text: string): ParsedDocument;
  /** Writes `doc` (edited or not) back; `frontMatterRaw` when fields changed (from setFrontMatterFields). */
  serialize(parsed: ParsedDocument, doc?: JSONContent, frontMatterRaw?: string): string;
  /** The TipTap extension list (schema only, no React, no DOM) the editor uses. */
  readonly extensions: Extensions;
  readonly schema: Schema;
}

export function createMarkdownCodec(): MarkdownCodec {
  // What renderMarkdown writes in: set around each render of new or edited Markdown.
  let renderStyle: MarkdownStyle = standardStyle;
  // While parsing: the style votes of every block lexed. While serializing: the file's style.
  let styleVotes: StyleVotes | undefined;
  let fileStyle: MarkdownStyle = standardStyle;
  const extensions = createMarkdownExtensions(() => renderStyle);
  const schema = getSchema(extensions);
  const marked = new Marked();
  let definedLabels: ReadonlySet<string> = new Set();
  // A private marked instance: tokenizers registered on the global one pile up across editors.
  const manager = new MarkdownManager({ extensions, marked: marked as unknown as typeof globalMarked });
  marked.use({ extensions: [referenceLinkTokenizer(() => definedLabels), calloutTokenizer()] });
  const internals = manager as unknown as {
    applyMarkToContent: typeof applyMarkToContent;
    encodeTextForMarkdown: (text: string, node: JSONContent, parent?: JSONContent) => string;
    parseTokens: (tokens: Token[], topLevel: boolean) => JSONContent[];
    parseInlineTokens: (tokens: Token[]) => JSONContent[];
    activeParseLexer: Lexer | null;
  };
  // While `recording` is set, each textblock's inline tokens (outermost calls only) are kept in order.
  let recording: Token[][] | undefined;
  let inlineDepth = 0;
  const parseInlineTokens = internals.parseInlineTokens.bind(manager);
  internals.parseInlineTokens = (tokens) => {
    if (recording && inlineDepth === 0) recording.push(tokens);
    inlineDepth++;
    try {
      return parseInlineTokens(tokens);
    } finally {
      inlineDepth--;
    }
  };
  // The stock method leaves atoms unmarked, so `**[[SPEC-3]]**` would lose its bold.
  internals.applyMarkToContent = applyMarkToContent;
  // The stock method escapes every `*_[~` and writes `<` and `&` as entities (read back as raw atoms).
  internals.encodeTextForMarkdown = (text, node, parent) =>
    parent?.type === 'codeBlock' || (node.marks ?? []).some((mark) => mark.type === 'code')
      ? text
      : escapeMarkdownText(text, { definitions: definedLabels.size > 0 });

  /** Schema-normalized JSON of one node (what the editor's getJSON gives back), or undefined if invalid. */
  function normalize(node: JSONContent): JSONContent | undefined {
    try {
      const checked = schema.nodeFromJSON(node);
      checked.check();
      return checked.toJSON() as JSONContent;
    } catch {
      return undefined;
    }
  }

  function parseSingleBlock(markdown: string): JSONContent | undefined {
    const content = manager.parse(markdown).content ?? [];
    return content.length === 1 ? normalize(content[0]!) : undefined;
  }

  // Each save while typing in one block reads that block's old source again: the last reading is kept.
  let lastRead:
    | { old: string; oldNode: JSONContent; labels: string; read: ReturnType<typeof readBlockSource> }
    | undefined;

  /**
   * The old source's inline tokens and textblock maps, and `oldNode` as the source reads on its own
   * (a one-item run without its list's looseness), or undefined when it does not read as `oldNode`.
   */
  function readBlockSource(old: string, oldNode: JSONContent) {
    recording = [];
    let reparsed: JSONContent | undefined;
    let recorded: Token[][];
    try {
      reparsed = parseSingleBlock(old);
    } finally {
      recorded = recording;
      recording = undefined;
    }
    if (!reparsed) return undefined;
    // A one-item run read on its own is tight, though its list is loose (taskRuns.ts): splice it as read.
    const asRead =
      fingerprintOf(reparsed) === fingerprintOf(oldNode) ? oldNode : withoutRunLooseness(oldNode);
    if (fingerprintOf(reparsed) !== fingerprintOf(asRead)) return undefined;
    const maps = mapTextblocks(
      old,
      asRead,
      recorded.map((tokens) => ({ tokens })),
    );
    return maps && { maps, recorded, asRead };
  }

  function readEditedBlock(old: string, oldNode: JSONContent): ReturnType<typeof readBlockSource> {
    // Reference links read differently with other definitions, so they are part of the key.
    const labels = [...definedLabels].join('\n');
    if (lastRead?.old !== old || lastRead.oldNode !== oldNode || lastRead.labels !== labels) {
      lastRead = { old, oldNode, labels, read: readBlockSource(old, oldNode) };
    }
    return lastRead.read;
  }

  /** The edits that turn an edited block's old source into its new content, or undefined to render it. */
  function spliceEdited(old: string, oldNode: JSONContent, newNode: JSONContent): Replacement[] | undefined {
    if (old.length > largestModelledBlock || oldNode.type === 'rawBlock' || oldNode.type === 'requirement') {
      return undefined;
    }
    const read = readEditedBlock(old, oldNode);
    if (!read) return undefined;
    const { maps, recorded, asRead } = read;
    const next = asRead === oldNode ? newNode : withoutRunLooseness(newNode);
    const style = resolveStyle(fileStyle, prevailingStyle(collectStyleVotes(recorded.flat(), {})));
    return spliceBlock(old, asRead, next, maps, {
      parseBlock: parseSingleBlock,
      renderInline: (content) =>
        [...new Set([style, standardStyle])].map((each) => renderBlock({ type: 'paragraph', content }, each)),
      renderBlock: (node) => renderStyled(node, style),
      escape: (text, before, after, table) =>
        escapeMarkdownText(text, { before, after, table, definitions: definedLabels.size > 0 }),
    });
  }

  /** The JSON of one token from the whole-document lex (saves lexing every block a second time). */
  function parseToken(token: Token, lexer: Lexer): JSONContent | undefined {
    internals.activeParseLexer = lexer;
    try {
      const content = internals.parseTokens([token], false);
      return content.length === 1 ? normalize(content[0]!) : undefined;
    } finally {
      internals.activeParseLexer = null;
    }
  }

  /** The canonical Markdown of one block (LF) in `style`, escaping where plain text would change meaning. */
  function renderBlock(node: JSONContent, style: MarkdownStyle = standardStyle): string {
    const spaced = placeholdCodeEdgeSpaces(node);
    const placeheld = placeholdMarkedAtoms(spaced.node);
    const previous = renderStyle;
    renderStyle = style;
    const internal = manager as unknown as { indentStyle: string; indentSize: number };
    internal.indentStyle = style.listIndent.startsWith('\t') ? 'tab' : 'space';
    internal.indentSize = style.listIndent.length;
    try {
      let markdown = manager.serialize({ type: 'doc', content: [placeheld.node] }).replace(/^\n+|\n+$/g, '');
      // A heading's trailing `#` run would be read as its closing sequence.
      if (node.type === 'heading') markdown = markdown.replace(/([ \t])#(#*[ \t]*)$/, '$1\\#$2');
      markdown = restoreMarkedAtoms(markdown, placeheld.atoms, (atom) => manager.renderNodeToMarkdown(atom));
      return spaced.held ? restoreCodeEdgeSpaces(markdown) : markdown;
    } finally {
      renderStyle = previous;
      internal.indentStyle = 'space';
      internal.indentSize = 2;
    }
  }

  /** A block written in `style`, or in the standard style where that would not read back as the block. */
  function renderStyled(node: JSONContent, style: MarkdownStyle): string {
    const styled = renderBlock(node, style);
    if (sameStyle(style, standardStyle)) return styled;
    const expected = fingerprintOf(normalize(node) ?? node);
    return fingerprintOf(parseSingleBlock(styled)) === expected ? styled : renderBlock(node);
  }

  /** The file's style, and over it the style an edited block's own source uses. */
  function blockStyle(old: string | undefined): MarkdownStyle {
    if (old === undefined) return fileStyle;
    const votes: StyleVotes = {};
    try {
      collectStyleVotes(lexBlocks(old).tokens, votes);
    } catch {
      return fileStyle;
    }
    return resolveStyle(fileStyle, prevailingStyle(votes));
  }

  /** `reason`: why the block is shown as source, in a user's words. */
  function rawBlock(source: string, reason: string): JSONContent {
    return { type: 'rawBlock', attrs: { source, reason } };
  }

  /** Models a block only when its canonical form renders the same HTML and parses back to the same JSON. */
  function modelBlock(source: string, token: Token, lexer: Lexer, links: Links): JSONContent {
    try {
      return modelCheckedBlock(source, token, lexer, links);
    } catch {
      // A tokenizer or renderer failing on odd input is no reason to lose the block: keep it verbatim.
      return rawBlock(source, 'the Markdown reader failed on it');
    }
  }

  function modelCheckedBlock(source: string, token: Token, lexer: Lexer, links: Links): JSONContent {
    const reason = rawReason(source, token);
    if (reason) return rawBlock(source, reason);
    const node = parseToken(token, lexer);
    if (!node) return rawBlock(source, 'no rich-text form');
    if (hasUnsafeLink(node)) return rawBlock(source, 'a link to an address that is not allowed');
    const canonical = renderBlock(node);
    if (canonical === source) return node;
    const again = parseSingleBlock(canonical);
    if (!again || fingerprintOf(again) !== fingerprintOf(node))
      return rawBlock(source, 'written back from rich text, it would read differently');
    // A callout's title line is read on its own: the spaces that end it break no line.
    const compared = token.type === 'callout' ? source.replace(/^([^\n]*?)[ \t]+(?=\n|$)/, '$1') : source;
    if (renderHtml(compared, links) !== renderHtml(canonical, links))
      return rawBlock(source, 'written back from rich text, it would display differently');
    return node;
  }

  /** Lexes blocks, then inline content once the definitions are known (what `lex()` does in one go). */
  function lexBlocks(text: string, documentLinks?: Links): { tokens: Token[]; links: Links; lexer: Lexer } {
    const lexer = new marked.Lexer(marked.defaults);
    const tokens = lexer.blockTokens(text, lexer.tokens);
    withLabels(documentLinks ?? lexer.tokens.links, () => {
      // Larger inline runs belong to blocks kept raw (rawReason), and marked lexes them in quadratic time.
      for (const item of lexer.inlineQueue) {
        if (item.src.length <= largestModelledBlock) lexer.inlineTokens(item.src, item.tokens);
      }
    });
    lexer.inlineQueue = [];
    if (styleVotes) collectStyleVotes(tokens, styleVotes);
    return { tokens, links: lexer.tokens.links, lexer };
  }

  function buildList(
    text: string,
    start: number,
    end: number,
    links: Links,
    lexed = lexBlocks(text.slice(start, end), links),
  ): BlockList {
    const { tokens, lexer } = lexed;
    const blocks: BlockSource[] = [];
    const pieces = mergeFrontMatterLike(text, tileTokens(text, start, end, tokens));
    for (let index = 0; index < pieces.length; index++) {
      const piece = pieces[index]!;
      const source = text.slice(piece.start, piece.end);
      if (piece.token?.type === 'requirement') {
        const match = matchRequirementBlock(text.slice(piece.start, end));
        if (match) {
          blocks.push(buildRequirement(text, piece.start, match, links));
          continue;
        }
      }
      const details =
        piece.token?.type === 'html'
          ? buildDetails(text, pieces, index, {
              buildList: (from, to) => buildList(text, from, to, links),
              normalize,
            })
          : undefined;
      if (details) {
        blocks.push(details.block);
        index = details.closing;
        continue;
      }
      const runs = mixedTaskRuns(text, piece);
      if (runs) {
        for (const run of runs) blocks.push(modelRun(text, run, links));
        continue;
      }
      const node = piece.token
        ? modelBlock(source, piece.token, lexer, links)
        : rawBlock(source, 'no rich-text form');
      blocks.push({ start: piece.start, end: piece.end, node, fingerprint: fingerprintOf(node) });
    }
    return { start, end, blocks };
  }

  /** One run of a list mixing tasks and bullets, read on its own (its style already counted with the list). */
  function modelRun(text: string, { start, end, loose }: TaskRun, links: Links): BlockSource {
    const source = text.slice(start, end);
    const votes = styleVotes;
    styleVotes = undefined;
    try {
      const lexed = lexBlocks(source, links);
      const tokens = lexed.tokens.filter((token) => token.type !== 'space');
      const modelled =
        tokens.length === 1 && tokens[0]!.raw.trimEnd() === source
          ? modelBlock(source, tokens[0]!, lexed.lexer, links)
          : rawBlock(source, 'no rich-text form');
      // A run of one item reads tight on its own, though the blank lines around it make its list loose;
      // a longer run keeps its own reading, so an edit writes no blank line between items that had none.
      const node =
        loose && modelled.type !== 'rawBlock' && modelled.content?.length === 1
          ? { ...modelled, attrs: { ...modelled.attrs, loose: true } }
          : modelled;
      return { start, end, node, fingerprint: fingerprintOf(node) };
    } finally {
      styleVotes = votes;
    }
  }

  function buildRequirement(
    text: string,
    start: number,
    match: RequirementBlockMatch,
    links: Links,
  ): BlockSource {
    const innerStart = start + match.openLine.length + 1;
    const innerEnd = innerStart + match.inner.length;
    const inner = buildList(text, innerStart, innerEnd, links);
    const content =
      inner.blocks.length > 0 ? inner.blocks.map((block) => block.node) : [{ type: 'paragraph' }];
    const node =
      normalize({
        type: 'requirement',
        attrs: requirementNodeAttributes(match.attributes),
        content,
      }) ?? rawBlock(match.raw, 'a requirement the editor cannot read');
    return {
      start,
      end: start + match.raw.length,
      node,
      fingerprint: fingerprintOf(node),
      requirement: { openEnd: start + match.openLine.length, inner, closeStart: innerEnd },
    };
  }

  function withLabels<T>(links: Links, run: () => T): T {
    const previous = definedLabels;
    definedLabels = new Set(Object.keys(links));
    try {
      return run();
    } finally {
      definedLabels = previous;
    }
  }

  function parseFragment(markdown: string, links: Links): JSONContent[] {
    const normalized = markdown.replace(/\r\n?/g, '\n');
    return buildList(normalized, 0, normalized.length, links).blocks.map((block) => block.node);
  }

  function parse(text: string): ParsedDocument {
    const split = splitDocument(text);
    const body = split.body;
    const normalized = body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body;
    let links: Links = {};
    let blocks: BlockList;
    const votes: StyleVotes = {};
    styleVotes = votes;
    try {
      const lexed = lexBlocks(normalized);
      links = lexed.links;
      blocks = withLabels(links, () => buildList(normalized, 0, normalized.length, links, lexed));
    } catch {
      // The lexer gave up on this body: keep all of it as one raw block rather than fail to open.
      blocks = wholeBodyAsRaw(normalized);
    } finally {
      styleVotes = undefined;
    }
    const content = blocks.blocks.map((block) => block.node);
    const doc: JSONContent = {
      type: 'doc',
      content: content.length > 0 ? content : [{ type: 'paragraph' }],
    };
    const source: DocumentSource = {
      body,
      normalized,
      offsets: body === normalized ? undefined : normalizedOffsets(body),
      lineEnding: dominantLineEnding(body),
      blocks,
      links,
      fingerprint: fingerprintOf(doc),
      style: prevailingStyle(votes),
    };
    return { text, split, doc, source };
  }

  function wholeBodyAsRaw(normalized: string): BlockList {
    const start = normalized.length - normalized.trimStart().length;
    const end = normalized.trimEnd().length;
    if (end <= start) return { start: 0, end: normalized.length, blocks: [] };
    const node = rawBlock(normalized.slice(start, end), 'the Markdown reader gave up on this document');
    return {
      start: 0,
      end: normalized.length,
      blocks: [{ start, end, node, fingerprint: fingerprintOf(node) }],
    };
  }

  function serialize(parsed: ParsedDocument, doc?: JSONContent, frontMatterRaw?: string): string {
    const { split, source } = parsed;
    fileStyle = resolveStyle(source.style);
    const body =
      doc === undefined || unchanged(doc, source)
        ? source.body
        : withLabels(source.links, () =>
            writeBlocks(source, source.blocks, normalizeContent(doc.content ?? [], source.blocks), {
              render: (node, old) => {
                const rendered = renderStyled(node, blockStyle(old));
                return node.type === 'table' && old !== undefined
                  ? keepTableSource(old, rendered, parseSingleBlock)
                  : rendered;
              },
              splice: spliceEdited,
              parseFragment: (markdown) => parseFragment(markdown, source.links),
            }),
          );
    const frontMatter = frontMatterRaw ?? split.frontMatter?.raw ?? '';
    // Front matter closed on the file's last line needs a line break before any new body text.
    const joint = frontMatter !== '' && !frontMatter.endsWith('\n') && body !== '' ? source.lineEnding : '';
    return (split.bom ? '\uFEFF' : '') + frontMatter + joint + body;
  }

  /** Whether `doc` is the document `source` was parsed to (with blocks, it is exactly their nodes). */
  function unchanged(doc: JSONContent, source: DocumentSource): boolean {
    const blocks = source.blocks.blocks;
    if (blocks.length === 0) return documentFingerprint(doc) === source.fingerprint;
    return sameBlocks(doc, 'doc', fingerprintsOf(source.blocks));
  }

  /** A block equal to one that was read is normalized already; rebuilding all of a long document takes tens of ms. */
  function normalizeContent(content: JSONContent[], list: BlockList): JSONContent[] {
    const known = knownFingerprints(list);
    return content.map((node) => (known.has(nodeFingerprint(node)) ? node : (normalize(node) ?? node)));
  }

  return { parse, serialize, extensions, schema };
}

// A parsed document's blocks never change: each save after a keystroke reuses what was read from them.
const blockFingerprints = new WeakMap<BlockList, string[]>();
const blockFingerprintSets = new WeakMap<BlockList, Set<string>>();

function fingerprintsOf(list: BlockList): string[] {
  let fingerprints = blockFingerprints.get(list);
  if (!fingerprints) {
    fingerprints = list.blocks.map((block) => block.fingerprint);
    blockFingerprints.set(list, fingerprints);
  }
  return fingerprints;
}

function knownFingerprints(list: BlockList): Set<string> {
  let known = blockFingerprintSets.get(list);
  if (!known) {
    known = new Set(fingerprintsOf(list));
    blockFingerprintSets.set(list, known);
  }
  return known;
}

function sameStyle(a: MarkdownStyle, b: MarkdownStyle): boolean {
  return (Object.keys(a) as (keyof MarkdownStyle)[]).every((name) => a[name] === b[name]);
}

export { collectLinks, type CollectedLinks } from './collectLinks.js';
