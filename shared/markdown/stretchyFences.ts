/**
 * KaTeX writes a vmatrix's bars as `∣` (U+2223) and a Vmatrix's as `∥` (U+2225), which Chromium's
 * MathML cannot stretch without a math font covering them; `|` (U+007C) and `‖` (U+2016), with the
 * bundled Noto Sans Math on stretchy fences, stretch to the matrix's height. Only fences change:
 * `\lvert x \rvert`, `\lVert x \rVert`, `\|` and `a \mid b` stay as written.
 */
const stretchable: Record<string, string> = { '∣': '|', '∥': '‖' };

export function stretchableFences(mathml: string): string {
  return mathml.replace(
    /(<mo\b[^>]*\bfence="true"[^>]*>)([∣∥])(<\/mo>)/g,
    (_, open: string, bar: string, close: string) => `${open}${stretchable[bar]}${close}`,
  );
}

/** The family the fences print in: the bundled math font, then whatever math font the system has. */
export const fenceFontFamily = "'Noto Sans Math', math";
