/**
 * How Mermaid draws a diagram wherever it is drawn (the editor, the export's sandboxed page): strict
 * security, labels as SVG text, errors thrown instead of drawn, and the error said in words.
 */

/** Mermaid's `initialize` settings; `theme` follows the app in the editor and is 'default' on paper. */
export function mermaidSettings(theme: 'default' | 'dark', fontFamily: string) {
  return {
    startOnLoad: false,
    securityLevel: 'strict' as const,
    theme,
    // Labels as SVG text: HTML labels need <foreignObject>, which the sanitiser removes.
    htmlLabels: false,
    flowchart: { htmlLabels: false },
    suppressErrorRendering: true,
    fontFamily,
  };
}

/** The first lines of what Mermaid says is wrong, for people (its `----^` pointer line dropped). */
export function diagramErrorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n').map((line) => line.trim());
  return (
    lines
      .filter((line) => line !== '' && !/^-*\^$/.test(line))
      .slice(0, 2)
      .join(' ') || 'unreadable diagram'
  );
}

export type DiagramResult = { ok: true; svg: string } | { ok: false; error: string };
