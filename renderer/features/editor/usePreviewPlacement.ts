/** Places a link's hover preview inside the window each time the pointer or focus reaches the link. */
import { useCallback, useState, type CSSProperties, type SyntheticEvent } from 'react';
import { previewPlacement, type PreviewPlacement } from './popupPlacement.js';

export function usePreviewPlacement(): {
  place: (event: SyntheticEvent<HTMLElement>) => void;
  className: string;
  style: CSSProperties | undefined;
} {
  const [placement, setPlacement] = useState<PreviewPlacement | undefined>(undefined);
  const place = useCallback((event: SyntheticEvent<HTMLElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    setPlacement(previewPlacement(rect, { width: window.innerWidth, height: window.innerHeight }));
  }, []);
  return {
    place,
    className: placement?.above ? 'above' : '',
    style: placement && { left: placement.shift, maxHeight: placement.maxHeight },
  };
}
