/**
 * KaTeX writes a vmatrix's bars as `∣` (U+2223), which Chromium's MathML cannot stretch without a
 * math font covering it; `|` (U+007C), with the bundled Noto Sans Math on stretchy fences, stretches
 * to the matrix's height. Only fences change: `\lvert x \rvert` and `a \mid b` stay as written.
 */
export function stretchableFences(mathml: string): string {
  return mathml.replace(/(<mo\b[^>]*\bfence="true"[^>]*>)∣(<\/mo>)/g, '$1|$2');
}

/** The family the fences print in: the bundled math font, then whatever math font the system has. */
export const fenceFontFamily = "'Noto Sans Math', math";
