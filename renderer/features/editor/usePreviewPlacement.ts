/**
 * Places a link's hover preview each time the pointer or focus reaches the link: fixed to the window,
 * so the editor's scrolling pane does not clip it at the Links panel, and inside the window's edges.
 */
import { useCallback, useState, type CSSProperties } from 'react';
import { previewPlacement, type PreviewPlacement } from './popupPlacement.js';

export function usePreviewPlacement(): {
  place: (link: Element) => void;
  className: string;
  style: CSSProperties | undefined;
} {
  const [placement, setPlacement] = useState<PreviewPlacement | undefined>(undefined);
  const place = useCallback((link: Element) => {
    const box = link.getBoundingClientRect();
    // A link wrapped over two lines starts where its first line does, not at the paragraph's left edge.
    const start = link.getClientRects()[0] ?? box;
    setPlacement(
      previewPlacement(
        { left: start.left, top: box.top, bottom: box.bottom },
        { width: window.innerWidth, height: window.innerHeight },
      ),
    );
  }, []);
  return {
    place,
    className: placement?.above ? 'above' : '',
    style: placement && {
      position: 'fixed',
      left: placement.left,
      top: placement.top ?? 'auto',
      bottom: placement.bottom ?? 'auto',
      maxHeight: placement.maxHeight,
    },
  };
}
