/**
 * A requirement block, `:::requirement{#REQ-12 priority=must status=draft roadmap=RM-3}` … `:::`,
 * holding ordinary blocks. Only top-level blocks are requirements (the codec lexes them itself).
 */
import { Node, type JSONContent, type MarkdownToken } from '@tiptap/core';
import {
  formatRequirementOpen,
  matchRequirementBlock,
  requirementCloseLine,
  type RequirementAttributes,
} from '../../grammar/linkGrammar.js';

export interface RequirementNodeAttributes {
  key: string;
  priority: string | null;
  status: string | null;
  roadmap: string[];
  extra: [string, string][];
}

export function requirementNodeAttributes(attributes: RequirementAttributes): RequirementNodeAttributes {
  return {
    key: attributes.key,
    priority: attributes.priority ?? null,
    status: attributes.status ?? null,
    roadmap: [...attributes.roadmap],
    extra: attributes.extra.map(([name, value]) => [name, value]),
  };
}

export function requirementAttributesOf(attrs: Record<string, unknown> | undefined): RequirementAttributes {
  const attributes: RequirementAttributes = {
    key: String(attrs?.key ?? ''),
    roadmap: Array.isArray(attrs?.roadmap) ? (attrs.roadmap as unknown[]).map(String) : [],
    extra: Array.isArray(attrs?.extra) ? (attrs.extra as [string, string][]) : [],
  };
  if (typeof attrs?.priority === 'string' && attrs.priority !== '') attributes.priority = attrs.priority;
  if (typeof attrs?.status === 'string' && attrs.status !== '') attributes.status = attrs.status;
  return attributes;
}

/**
 * Where a requirement block starts in `source` (only at a line start, only where one parses), looking
 * no further than the first blank line: marked asks at every paragraph, with the rest of the document.
 */
export function findRequirementStart(source: string): number {
  const blankLine = source.indexOf('\n\n');
  const head = blankLine === -1 ? source : source.slice(0, blankLine);
  let index = head.startsWith(':::requirement{') ? 0 : head.indexOf('\n:::requirement{');
  while (index !== -1) {
    const lineStart = source[index] === '\n' ? index + 1 : index;
    if (matchRequirementBlock(source.slice(lineStart))) return lineStart;
    index = head.indexOf('\n:::requirement{', lineStart);
  }
  return -1;
}

export const Requirement = Node.create({
  name: 'requirement',
  // No group: only the document's content expression names it, so it cannot nest.
  content: 'block+',
  defining: true,
  isolating: true,

  addAttributes() {
    const json = (name: string, fallback: unknown) => ({
      default: fallback,
      parseHTML: (element: { getAttribute(name: string): string | null }) => {
        const value = element.getAttribute(`data-${name}`);
        return value === null ? fallback : (JSON.parse(value) as unknown);
      },
      renderHTML: (attributes: Record<string, unknown>) => ({
        [`data-${name}`]: JSON.stringify(attributes[name]),
      }),
    });
    return {
      key: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-key') ?? '',
        renderHTML: (attributes: Record<string, unknown>) => ({ 'data-key': attributes.key }),
      },
      priority: json('priority', null),
      status: json('status', null),
      roadmap: json('roadmap', []),
      extra: json('extra', []),
    };
  },

  parseHTML() {
    return [{ tag: 'section[data-requirement]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['section', { 'data-requirement': '', ...HTMLAttributes }, 0];
  },

  markdownTokenizer: {
    name: 'requirement',
    level: 'block',
    start: (source: string) => findRequirementStart(source),
    tokenize: (source, _tokens, lexer) => {
      const match = matchRequirementBlock(source);
      if (!match) return undefined;
      const raw = source.length > match.raw.length ? `${match.raw}\n` : match.raw;
      return {
        type: 'requirement',
        raw,
        attributes: match.attributes,
        tokens: lexer.blockTokens(match.inner),
      } as MarkdownToken;
    },
  },

  parseMarkdown: (token, helpers) => {
    const attributes = (token as MarkdownToken & { attributes: RequirementAttributes }).attributes;
    const content =
      helpers.parseBlockChildren?.(token.tokens ?? []) ?? helpers.parseChildren(token.tokens ?? []);
    return helpers.createNode(
      'requirement',
      requirementNodeAttributes(attributes),
      content.length > 0 ? content : [{ type: 'paragraph' }],
    );
  },

  renderMarkdown: (node: JSONContent, helpers) => {
    const open = formatRequirementOpen(requirementAttributesOf(node.attrs));
    return `${open}\n${helpers.renderChildren(node.content ?? [], '\n\n')}\n${requirementCloseLine}`;
  },
});
