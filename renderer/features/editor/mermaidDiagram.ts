/**
 * Mermaid diagrams in the editor: the library is loaded on the first diagram (the editor's first
 * paint never pays for it), runs with securityLevel 'strict', and its SVG goes through DOMPurify
 * with the shared diagram policy before it reaches the page. A broken diagram gives its error in words.
 */
import DOMPurify from 'dompurify';
import type { Mermaid } from 'mermaid';
import { sanitizeDiagramSvg } from '../../../shared/markdown/htmlPolicy.js';
import { isDarkTheme, onDidChangeTheme } from '../../ui/useDarkTheme.js';
import {
  diagramErrorText,
  mermaidSettings,
  type DiagramResult,
} from '../../../shared/markdown/mermaidSettings.js';

let loading: Promise<Mermaid> | undefined;
let counter = 0;
let initialisedTheme: DiagramTheme | undefined;

export type DiagramTheme = 'default' | 'dark';

function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then(({ default: mermaid }) => mermaid);
  return loading;
}

/** Mermaid's theme for the app's: the palette's choice (`data-theme`), else the system's. */
export function diagramTheme(): DiagramTheme {
  return isDarkTheme() ? 'dark' : 'default';
}

/** Calls `listener` when the app's theme changes (palette toggle or system); returns the unsubscribe. */
export const onDidChangeDiagramTheme = onDidChangeTheme;

const purifier = DOMPurify(window);

/** Draws `source` as an SVG string in the colours of `theme`, or says why it cannot. */
export async function renderDiagram(source: string, theme: DiagramTheme): Promise<DiagramResult> {
  if (source.trim() === '') return { ok: false, error: 'The diagram is empty.' };
  try {
    const mermaid = await loadMermaid();
    if (initialisedTheme !== theme) {
      mermaid.initialize(mermaidSettings(theme, 'Inter, DejaVu Sans, sans-serif'));
      initialisedTheme = theme;
    }
    const { svg } = await mermaid.render(`specbench-mermaid-${++counter}`, source);
    return { ok: true, svg: sanitizeDiagramSvg(purifier, svg) };
  } catch (error) {
    document.getElementById(`dspecbench-mermaid-${counter}`)?.remove();
    return { ok: false, error: diagramErrorText(error) };
  }
}
