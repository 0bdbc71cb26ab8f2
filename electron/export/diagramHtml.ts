/** A ```mermaid block on paper: its drawn, sanitised SVG, or its code and one line saying why it is not drawn. */
import type { DiagramResult } from '../../shared/markdown/mermaidSettings.js';
import { escapeHtml } from './htmlSanitizer.js';

export function isDiagramLanguage(language: string | undefined): boolean {
  return (language ?? '').trim().split(/\s/)[0]!.toLowerCase() === 'mermaid';
}

export function diagramHtml(source: string, drawn: DiagramResult): string {
  if (drawn.ok) return `<figure class="diagram">${drawn.svg}</figure>\n`;
  return `<div class="diagram-failed"><pre><code class="language-mermaid">${escapeHtml(source)}</code></pre>
<p class="diagram-error">Diagram not drawn: ${escapeHtml(drawn.error)}</p></div>\n`;
}
