import { describe, expect, it } from 'vitest';
import { calloutKind } from './calloutGrammar.js';

describe('calloutKind', () => {
  it.each([
    ['NOTE', 'note'],
    ['WARNING', 'warning'],
    // GitHub shows its CAUTION alert red, where Obsidian's caution callout is an orange warning.
    ['CAUTION', 'danger'],
    ['caution', 'warning'],
    ['faq', 'question'],
    ['custom', 'custom'],
  ])('%s is styled as %s', (type, kind) => {
    expect(calloutKind(type)).toBe(kind);
  });
});
