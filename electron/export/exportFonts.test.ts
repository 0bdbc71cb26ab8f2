import { describe, expect, it } from 'vitest';
import { uncoveredCharacters } from './exportFonts.js';

describe('uncoveredCharacters: what the embedded Inter and JetBrains Mono do not print', () => {
  const cases: [string, string, string[]][] = [
    ['Latin with accents', 'Crème brûlée, Łódź, naïve façade', []],
    ['Greek, Cyrillic and Vietnamese', 'Ωμέγα, Привет, Tiếng Việt', []],
    ['punctuation, arrows and math (DejaVu has them)', '“quoted” — a → b ≤ c ✓ €5', []],
    ['CJK, each once', '東京と東京', ['東', '京', 'と']],
    ['emoji, without its variation selector', 'Ship it 🎉 ❤️', ['🎉']],
    ['Arabic and Hebrew', 'مرحبا שלום', ['م', 'ر', 'ح', 'ب', 'ا', 'ש', 'ל', 'ו', 'ם']],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(uncoveredCharacters(text)).toEqual(expected);
  });
});
