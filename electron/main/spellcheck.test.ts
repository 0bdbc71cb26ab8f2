import { describe, expect, it } from 'vitest';
import { applySpelling, spellingDefault, spellingLanguages, type SpellcheckSession } from './spellcheck.js';

/** A fake of Electron's Session (no Electron runtime here) recording what spelling asked of it. */
class FakeSession implements SpellcheckSession {
  readonly calls: string[] = [];
  readonly availableSpellCheckerLanguages = ['de', 'en-GB', 'en-US', 'fr', 'pt-BR'];
  setSpellCheckerEnabled(enabled: boolean): void {
    this.calls.push(`enabled ${enabled}`);
  }
  setSpellCheckerLanguages(languages: string[]): void {
    this.calls.push(`languages [${languages.join(', ')}]`);
  }
}

describe('applySpelling', () => {
  const cases: [string, NodeJS.Platform, boolean | undefined, string[]][] = [
    // No dictionary listed means nothing to download: the enabled flag alone does not stop the download.
    ['Linux by default: no dictionary at all', 'linux', undefined, ['languages []']],
    ['Windows by default: no dictionary at all', 'win32', undefined, ['languages []']],
    ['Linux, turned on: the user’s languages', 'linux', true, ['languages [de, en-US]']],
    ['macOS by default: the system spellchecker, on', 'darwin', undefined, ['enabled true']],
    ['macOS, turned off', 'darwin', false, ['enabled false']],
  ];
  it.each(cases)('%s', (_name, platform, choice, expected) => {
    const session = new FakeSession();
    applySpelling(session, choice ?? spellingDefault(platform), platform, ['de-AT', 'en-US']);
    expect(session.calls).toEqual(expected);
  });
});

describe('spellingLanguages', () => {
  const available = ['de', 'en-GB', 'en-US', 'fr', 'pt-BR'];
  const cases: [string[], string[]][] = [
    [['en-GB'], ['en-GB']],
    [
      ['fr-CA', 'pt-br'],
      ['fr', 'pt-BR'],
    ],
    [['ja-JP'], ['en-US']],
    [[], ['en-US']],
  ];
  it.each(cases)('%j', (preferred, expected) => {
    expect(spellingLanguages(preferred, available)).toEqual(expected);
  });
});
