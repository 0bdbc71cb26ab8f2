/**
 * The Mermaid diagrams of a bundle, drawn once before it is printed: nothing is started when no
 * document has a ```mermaid block, and one sandboxed page draws them all (diagramRenderer).
 */
import type { DiagramResult } from '../../shared/markdown/mermaidSettings.js';
import { renderBundleHtml } from './bundleHtml.js';
import { mentionsDiagram, renderDiagramsInChromium, type DiagramRenderer } from './diagramRenderer.js';
import type { SpecBundle } from './specBundle.js';

export async function bundleDiagrams(
  bundle: SpecBundle,
  renderer: DiagramRenderer = renderDiagramsInChromium,
  /** Told just before diagrams are drawn: a bundle without one never says "Drawing diagrams". */
  onDrawing: () => void = () => undefined,
): Promise<Map<string, DiagramResult>> {
  // A diagram may sit only in a note that a document embeds (`![[Note]]`): those are looked at too.
  const mayPrintDiagram = (text: string) => mentionsDiagram(text) || text.includes('![[');
  if (!bundle.documents.some((document) => mayPrintDiagram(document.text))) return new Map();
  // The sources exactly as printed (embedded notes too, fences inside callouts), by one render.
  const { diagramSources } = renderBundleHtml(bundle, { date: new Date(0) });
  if (diagramSources.length === 0) return new Map();
  onDrawing();
  return renderer(diagramSources);
}
