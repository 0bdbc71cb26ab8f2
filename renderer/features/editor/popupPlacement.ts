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
