/**
 * The export's own typefaces, embedded as data URLs: a bundle prints in the same fonts on every
 * machine (a fresh one may have only DejaVu), and the printer, which refuses the network, needs no file.
 * Inter for text and JetBrains Mono for code, from their Fontsource packages (SIL OFL 1.1, which
 * allows embedding).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const exportSansFamily = 'Specbench Inter';
export const exportMonoFamily = 'Specbench Mono';
export const exportMathFamily = 'Specbench Math';

/**
 * Static weights, not the variable fonts: Chromium's PDF backend embeds a variable font as Type 3
 * glyphs, a static one as a real, subset TrueType font. Each face keeps its package's unicode-range,
 * so Chromium loads only the scripts a page uses; the weights are those bundleStyles asks for.
 */
const sources = [
  { family: exportSansFamily, stylesheet: '@fontsource/inter/400.css' },
  { family: exportSansFamily, stylesheet: '@fontsource/inter/400-italic.css' },
  { family: exportSansFamily, stylesheet: '@fontsource/inter/600.css' },
  { family: exportSansFamily, stylesheet: '@fontsource/inter/700.css' },
  { family: exportMonoFamily, stylesheet: '@fontsource/jetbrains-mono/400.css' },
  // Noto Sans Math's OpenType MATH table is what lets a matrix's fences stretch.
  { family: exportMathFamily, stylesheet: '@fontsource/noto-sans-math/400.css' },
];

const fontFace = /@font-face\s*{([^}]*)}/g;
const fileUrl = /url\(\.\/files\/([\w.-]+\.woff2)\)/;
const sourceList = /src:[^;]*;/;

let cached: string | undefined;

/** `@font-face` rules for the export's families, their files inlined. Read once per process. */
export function exportFontFaces(): string {
  cached ??= sources.map(({ family, stylesheet }) => inlineStylesheet(family, stylesheet)).join('\n');
  return cached;
}

function inlineStylesheet(family: string, stylesheet: string): string {
  const require = createRequire(import.meta.url);
  const cssPath = require.resolve(stylesheet);
  const css = readFileSync(cssPath, 'utf8');
  const rules: string[] = [];
  for (const [, body] of css.matchAll(fontFace)) {
    const file = fileUrl.exec(body!)?.[1];
    if (!file) throw new Error(`${stylesheet}: a @font-face without a woff2 file`);
    const data = readFileSync(path.join(path.dirname(cssPath), 'files', file)).toString('base64');
    const declarations = body!
      .replace(/font-family:[^;]*;/, `font-family: '${family}';`)
      .replace(/font-display:[^;]*;/, 'font-display: block;')
      .replace(sourceList, `src: url(data:font/woff2;base64,${data}) format('woff2');`);
    rules.push(`@font-face {${declarations}}`);
  }
  if (rules.length === 0) throw new Error(`${stylesheet}: no @font-face rules`);
  return rules.join('\n');
}

/**
 * The characters of `text` no embedded face covers and a fresh machine's DejaVu cannot stand in for
 * alike: CJK, emoji and scripts beyond Latin, Greek and Cyrillic (they print in a font the machine
 * has, or as boxes). Arrows, math and other symbols (U+2000–2BFF) are left out: DejaVu has them.
 * Each distinct character once, in order of appearance.
 */
export function uncoveredCharacters(text: string): string[] {
  coverage ??= sources.flatMap(({ stylesheet }) => unicodeRanges(stylesheet));
  const found = new Set<string>();
  for (const character of text) {
    const code = character.codePointAt(0)!;
    // Latin (Inter and DejaVu both have it), and punctuation, arrows, math and shapes (DejaVu has them).
    if (code < 0x0370 || (code >= 0x2000 && code <= 0x2bff)) continue;
    if (isFormatCharacter(code) || coverage.some(([from, to]) => code >= from && code <= to)) continue;
    found.add(character);
  }
  return [...found];
}

let coverage: [number, number][] | undefined;

function unicodeRanges(stylesheet: string): [number, number][] {
  const css = readFileSync(createRequire(import.meta.url).resolve(stylesheet), 'utf8');
  return [...css.matchAll(/unicode-range:([^;]*);/g)].flatMap(([, list]) =>
    list!.split(',').map((range): [number, number] => {
      const [from, to] = range.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
    }),
  );
}

/** Variation selectors and tag characters draw nothing themselves. */
function isFormatCharacter(code: number): boolean {
  return (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0000 && code <= 0xe007f);
}
