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

type Anchor = { left: number; top: number; bottom: number };
type Viewport = { width: number; height: number };

/** Where a popup `width` wide may start, and the room under and over `anchor` inside the window. */
function roomAround(anchor: Anchor, viewport: Viewport, width: number) {
  return {
    left: Math.max(margin, Math.min(anchor.left, viewport.width - width - margin)),
    below: viewport.height - anchor.bottom - gap - margin,
    above: anchor.top - gap - margin,
  };
}

export function popupPlacement(
  caret: Anchor,
  viewport: Viewport,
  popup: { width: number; maxHeight: number } = { width: 380, maxHeight: 300 },
): Placement {
  const { left, below, above } = roomAround(caret, viewport, popup.width);
  if (below >= Math.min(popup.maxHeight, enough) || below >= above) {
    return { left, top: caret.bottom + gap, maxHeight: Math.max(0, Math.min(popup.maxHeight, below)) };
  }
  return { left, bottom: viewport.height - caret.top + gap, maxHeight: Math.min(popup.maxHeight, above) };
}

/** Where a hover preview goes, in the window's coordinates (it is fixed, so no scrolling pane clips it). */
export interface PreviewPlacement {
  above: boolean;
  left: number;
  top?: number;
  bottom?: number;
  maxHeight: number;
}

/**
 * A link's hover preview: below the link when it fits there whole or there is more room below than
 * above, else above it; never taller than the room on its side (it scrolls inside); from the link's
 * left edge, moved left as far as it must to end inside the window's right edge.
 */
export function previewPlacement(
  link: Anchor,
  viewport: Viewport,
  preview: { width: number; maxHeight: number } = { width: 380, maxHeight: 340 },
): PreviewPlacement {
  const { left, below, above } = roomAround(link, viewport, preview.width);
  const under = below >= preview.maxHeight || below >= above;
  const maxHeight = Math.min(preview.maxHeight, Math.max(0, under ? below : above));
  return under
    ? { above: false, left, top: link.bottom + gap, maxHeight }
    : { above: true, left, bottom: viewport.height - link.top + gap, maxHeight };
}
