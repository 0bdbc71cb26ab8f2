/**
 * Workspace-wide display flags on the page's root element, so every view's styles read them at once:
 * `data-read-only` (fields read as text, app.css) and `data-soft-breaks="line"` (a single newline in a
 * paragraph shows as a line break in an Obsidian vault, editor.css).
 */
import { useEffect } from 'react';
import type { WorkspaceInfo } from '../../shared/contract/apiContract.js';

export function useRootFlags(info: WorkspaceInfo | undefined): void {
  const readOnly = info !== undefined && !info.writable;
  const softBreaks = info?.softBreaks ?? 'space';
  useEffect(() => {
    const flags = document.documentElement.dataset;
    if (readOnly) flags.readOnly = 'true';
    else delete flags.readOnly;
    if (softBreaks === 'line') flags.softBreaks = 'line';
    else delete flags.softBreaks;
  }, [readOnly, softBreaks]);
}
