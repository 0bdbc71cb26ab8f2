/**
 * Mermaid diagrams in the editor: the library is loaded on the first diagram (the editor's first
 * paint never pays for it), runs with securityLevel 'strict', and its SVG goes through DOMPurify
 * with the shared diagram policy before it reaches the page. A broken diagram gives its error in words.
 */
import DOMPurify from 'dompurify';
import type { Mermaid } from 'mermaid';
import { sanitizeDiagramSvg } from '../../../shared/markdown/htmlPolicy.js';

let loading: Promise<Mermaid> | undefined;
let counter = 0;

function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: 'default',
      // Labels as SVG text: HTML labels need <foreignObject>, which the sanitiser removes.
      htmlLabels: false,
      flowchart: { htmlLabels: false },
      suppressErrorRendering: true,
      fontFamily: 'Inter, DejaVu Sans, sans-serif',
    });
    return mermaid;
  });
  return loading;
}

export type DiagramResult = { ok: true; svg: string } | { ok: false; error: string };

const purifier = DOMPurify(window);

/** The first line of what Mermaid says is wrong, for people. */
function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n').map((line) => line.trim());
  return (
    lines
      .filter((line) => line !== '' && !/^-*\^$/.test(line))
      .slice(0, 2)
      .join(' ') || 'unreadable diagram'
  );
}

/** Draws `source` as an SVG string, or says why it cannot. */
export async function renderDiagram(source: string): Promise<DiagramResult> {
  if (source.trim() === '') return { ok: false, error: 'The diagram is empty.' };
  try {
    const mermaid = await loadMermaid();
    const { svg } = await mermaid.render(`specbench-mermaid-${++counter}`, source);
    return { ok: true, svg: sanitizeDiagramSvg(purifier, svg) };
  } catch (error) {
    document.getElementById(`dspecbench-mermaid-${counter}`)?.remove();
    return { ok: false, error: errorText(error) };
  }
}
