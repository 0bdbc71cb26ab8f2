/** Callout icons drawn as SVG (16 px, stroke), so they look alike whatever fonts the machine has. */
import type { ReactElement } from 'react';

const paths: Record<string, string[]> = {
  note: ['M11 2.5l2.5 2.5L6 12.5H3.5V10z', 'M9.5 4l2.5 2.5'],
  abstract: ['M5 3h6v2H5z', 'M4 4H3v10h10V4h-1', 'M5.5 8h5M5.5 10.5h5'],
  info: ['M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13z', 'M8 7.5V11', 'M8 5h.01'],
  todo: ['M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13z', 'M5.5 8l1.8 1.8L10.8 6.3'],
  tip: [
    'M8 1.5c.5 2.5 3.5 3.5 3.5 7a3.5 3.5 0 0 1-7 0c0-1.5.8-2.5 1.5-3 0 1.2.6 2 1.4 2.3C7.1 5.5 7.6 3.5 8 1.5z',
  ],
  success: ['M3 8.5l3 3 7-7'],
  question: [
    'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13z',
    'M6.2 6.2a1.9 1.9 0 0 1 3.6.7c0 1.3-1.8 1.6-1.8 2.8',
    'M8 11.5h.01',
  ],
  warning: ['M8 2L14.5 13.5h-13z', 'M8 6.5v3.2', 'M8 11.6h.01'],
  failure: ['M4 4l8 8M12 4l-8 8'],
  danger: ['M9 1.5L3.5 9H8l-1 5.5L12.5 7H8z'],
  bug: [
    'M5.5 6.5h5v4a2.5 2.5 0 0 1-5 0z',
    'M6 4.5a2 2 0 0 1 4 0v2H6z',
    'M3 8h2.5M10.5 8H13M3.5 12l2-1M12.5 12l-2-1M3.5 5l2 1.5M12.5 5l-2 1.5',
  ],
  example: ['M5.5 4h8M5.5 8h8M5.5 12h8', 'M2.5 4h.01M2.5 8h.01M2.5 12h.01'],
  quote: [
    'M3 6.5a2 2 0 0 1 2-2h1v3H3.5v1.5A2 2 0 0 0 5.5 11',
    'M9 6.5a2 2 0 0 1 2-2h1v3H9.5v1.5a2 2 0 0 0 2 2',
  ],
  important: ['M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13z', 'M8 4.5v4.5', 'M8 11.3h.01'],
};

/** The icon of a callout kind (see calloutKind); unknown kinds get the note's. */
export function CalloutIcon({ kind }: { kind: string }): ReactElement {
  return (
    <svg
      className="callout-icon"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
    >
      {(paths[kind] ?? paths.note!).map((d) => (
        <path
          key={d}
          d={d}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      ))}
    </svg>
  );
}

export const calloutKinds = Object.keys(paths);
