/**
 * Mermaid diagrams in the editor: the library is loaded on the first diagram (the editor's first
 * paint never pays for it), runs with securityLevel 'strict', and its SVG goes through DOMPurify
 * with the shared diagram policy before it reaches the page. A broken diagram gives its error in words.
 */
import DOMPurify from 'dompurify';
import type { Mermaid } from 'mermaid';
import { sanitizeDiagramSvg } from '../../../shared/markdown/htmlPolicy.js';
import {
  diagramErrorText,
  mermaidSettings,
  type DiagramResult,
} from '../../../shared/markdown/mermaidSettings.js';

let loading: Promise<Mermaid> | undefined;
let counter = 0;

function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize(mermaidSettings('default', 'Inter, DejaVu Sans, sans-serif'));
    return mermaid;
  });
  return loading;
}

const purifier = DOMPurify(window);

/** Draws `source` as an SVG string, or says why it cannot. */
export async function renderDiagram(source: string): Promise<DiagramResult> {
  if (source.trim() === '') return { ok: false, error: 'The diagram is empty.' };
  try {
    const mermaid = await loadMermaid();
    const { svg } = await mermaid.render(`specbench-mermaid-${++counter}`, source);
    return { ok: true, svg: sanitizeDiagramSvg(purifier, svg) };
  } catch (error) {
    document.getElementById(`dspecbench-mermaid-${counter}`)?.remove();
    return { ok: false, error: diagramErrorText(error) };
  }
}
