/**
 * Code blocks in the editor. A ```mermaid block shows its diagram, drawn lazily (mermaidDiagram),
 * with its source below it while the cursor is in it or Edit source is on; a broken diagram shows
 * its error in words and keeps its source open. Other code blocks are TipTap's `<pre><code>`.
 */
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView, type NodeView } from '@tiptap/pm/view';
import { diagramTheme, onDidChangeDiagramTheme, renderDiagram, type DiagramTheme } from './mermaidDiagram.js';

export const isMermaid = (node: ProseMirrorNode): boolean =>
  node.type.name === 'codeBlock' && String(node.attrs.language ?? '').toLowerCase() === 'mermaid';

/** `<pre><code class="language-x">`, as TipTap's code block renders. */
class PlainCodeBlockView implements NodeView {
  dom = document.createElement('pre');
  contentDOM = document.createElement('code');

  constructor(node: ProseMirrorNode) {
    this.dom.append(this.contentDOM);
    this.setLanguage(node);
  }

  private setLanguage(node: ProseMirrorNode): void {
    const language = String(node.attrs.language ?? '');
    this.contentDOM.className = language ? `language-${language}` : '';
  }

  update(node: ProseMirrorNode): boolean {
    if (node.type.name !== 'codeBlock' || isMermaid(node)) return false;
    this.setLanguage(node);
    return true;
  }
}

class MermaidView implements NodeView {
  dom = document.createElement('div');
  contentDOM = document.createElement('code');
  private readonly toggle = document.createElement('button');
  private readonly diagram = document.createElement('div');
  private source: string;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private drawn = 0;
  private theme: DiagramTheme = diagramTheme();
  // Drawn again in the other theme's colours when the app's theme changes.
  private readonly stopWatchingTheme = onDidChangeDiagramTheme(() => {
    if (diagramTheme() !== this.theme) void this.draw();
  });

  constructor(
    node: ProseMirrorNode,
    private readonly view: EditorView,
    private readonly getPos: () => number | undefined,
  ) {
    this.dom.className = 'md-mermaid';
    const header = document.createElement('div');
    header.className = 'md-mermaid-header';
    header.contentEditable = 'false';
    const label = document.createElement('span');
    label.textContent = 'Mermaid diagram';
    this.toggle.type = 'button';
    this.toggle.className = 'md-mermaid-toggle';
    this.toggle.textContent = 'Edit source';
    this.toggle.setAttribute('aria-pressed', 'false');
    this.toggle.addEventListener('click', () =>
      this.setSourceOpen(this.toggle.getAttribute('aria-pressed') !== 'true'),
    );
    header.append(label, this.toggle);
    this.diagram.className = 'md-mermaid-diagram';
    this.diagram.contentEditable = 'false';
    const pre = document.createElement('pre');
    pre.className = 'md-mermaid-source';
    this.contentDOM.className = 'language-mermaid';
    pre.append(this.contentDOM);
    this.dom.append(header, this.diagram, pre);
    this.source = node.textContent;
    void this.draw();
  }

  private setSourceOpen(open: boolean): void {
    this.toggle.setAttribute('aria-pressed', String(open));
    this.dom.classList.toggle('md-mermaid-source-open', open);
    const position = this.getPos();
    if (position === undefined) return;
    const node = this.view.state.doc.nodeAt(position);
    if (!node) return;
    // Open: the cursor goes to the end of the source; closed: after the diagram, so the source folds away.
    const target = open ? position + node.nodeSize - 1 : position + node.nodeSize;
    const selection = TextSelection.near(this.view.state.doc.resolve(target), open ? -1 : 1);
    this.view.dispatch(this.view.state.tr.setSelection(selection).scrollIntoView());
    this.view.focus();
  }

  private async draw(): Promise<void> {
    const round = ++this.drawn;
    this.theme = diagramTheme();
    this.dom.setAttribute('aria-busy', 'true');
    const result = await renderDiagram(this.source, this.theme);
    if (round !== this.drawn) return;
    this.dom.removeAttribute('aria-busy');
    this.dom.dataset.theme = this.theme;
    this.dom.classList.toggle('md-mermaid-broken', !result.ok);
    if (result.ok) {
      this.diagram.innerHTML = result.svg;
      this.diagram.setAttribute('role', 'img');
      this.diagram.setAttribute('aria-label', 'Mermaid diagram');
    } else {
      this.diagram.removeAttribute('role');
      this.diagram.removeAttribute('aria-label');
      const message = document.createElement('p');
      message.className = 'md-mermaid-error';
      message.textContent = `This diagram cannot be drawn: ${result.error}`;
      this.diagram.replaceChildren(message);
    }
  }

  update(node: ProseMirrorNode): boolean {
    if (!isMermaid(node)) return false;
    if (node.textContent !== this.source) {
      this.source = node.textContent;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.draw(), 300);
    }
    return true;
  }

  stopEvent(event: Event): boolean {
    return !this.contentDOM.contains(event.target as Node);
  }

  ignoreMutation(mutation: MutationRecord | { type: 'selection'; target: Node }): boolean {
    return mutation.type !== 'selection' && !this.contentDOM.contains(mutation.target);
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.stopWatchingTheme();
    this.drawn++;
  }
}

/** The code block's node view: a diagram for Mermaid, TipTap's own markup for the rest. */
export function codeBlockView(
  node: ProseMirrorNode,
  view: EditorView,
  getPos: () => number | undefined,
): NodeView {
  return isMermaid(node) ? new MermaidView(node, view, getPos) : new PlainCodeBlockView(node);
}

/** Marks the Mermaid block holding the cursor, whose source is then shown. */
export const MermaidEditing = Extension.create({
  name: 'mermaidEditing',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('mermaidEditing'),
        props: {
          decorations(state) {
            const { $from } = state.selection;
            for (let depth = $from.depth; depth > 0; depth--) {
              const node = $from.node(depth);
              if (!isMermaid(node)) continue;
              const start = $from.before(depth);
              return DecorationSet.create(state.doc, [
                Decoration.node(start, start + node.nodeSize, { class: 'md-mermaid-editing' }),
              ]);
            }
            return null;
          },
        },
      }),
    ];
  },
});
