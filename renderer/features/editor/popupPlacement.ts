/** Where a popup at the caret goes so that it stays inside the window: below the line, or above it near the bottom. */

export interface Placement {
  left: number;
  top?: number;
  bottom?: number;
  maxHeight: number;
}

const margin = 8;
const gap = 4;
/** Below the line unless fewer than this many pixels are left there. */
const enough = 160;

export function popupPlacement(
  caret: { left: number; top: number; bottom: number },
  viewport: { width: number; height: number },
  popup: { width: number; maxHeight: number } = { width: 380, maxHeight: 300 },
): Placement {
  const left = Math.max(margin, Math.min(caret.left, viewport.width - popup.width - margin));
  const below = viewport.height - caret.bottom - gap - margin;
  const above = caret.top - gap - margin;
  if (below >= Math.min(popup.maxHeight, enough) || below >= above) {
    return { left, top: caret.bottom + gap, maxHeight: Math.max(0, Math.min(popup.maxHeight, below)) };
  }
  return { left, bottom: viewport.height - caret.top + gap, maxHeight: Math.min(popup.maxHeight, above) };
}

/** Where a hover preview hangs from its link: `shift` moves it left from the link's left edge. */
export interface PreviewPlacement {
  above: boolean;
  shift: number;
  maxHeight: number;
}

/**
 * A link's hover preview: below the link when it fits there whole or there is more room below than
 * above, else above it; never taller than the room on its side (it scrolls inside), never past the
 * window's right edge.
 */
export function previewPlacement(
  link: { left: number; top: number; bottom: number },
  viewport: { width: number; height: number },
  preview: { width: number; maxHeight: number } = { width: 380, maxHeight: 340 },
): PreviewPlacement {
  const left = Math.max(margin, Math.min(link.left, viewport.width - preview.width - margin));
  const below = viewport.height - link.bottom - gap - margin;
  const above = link.top - gap - margin;
  const under = below >= preview.maxHeight || below >= above;
  const room = Math.max(0, under ? below : above);
  return { above: !under, shift: left - link.left, maxHeight: Math.min(preview.maxHeight, room) };
}
