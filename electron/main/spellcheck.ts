/**
 * Spelling, offline by default. macOS checks with the system's own spellchecker; on Windows and Linux
 * Chromium's uses Hunspell dictionaries it downloads from Google's CDN (Electron's spellchecker guide),
 * so there it stays off until the user turns it on from the Edit menu, which says it downloads.
 */

/** The part of Electron's Session spelling is set on (a fake stands in where Electron cannot run). */
export interface SpellcheckSession {
  setSpellCheckerEnabled(enabled: boolean): void;
  setSpellCheckerLanguages(languages: string[]): void;
  readonly availableSpellCheckerLanguages: string[];
}

/** Whether turning spelling on fetches a dictionary from the network. */
export function spellingDownloads(platform: NodeJS.Platform): boolean {
  return platform !== 'darwin';
}

/** Spelling is on by default only where nothing is downloaded for it. */
export function spellingDefault(platform: NodeJS.Platform): boolean {
  return !spellingDownloads(platform);
}

/** The dictionaries for the user's languages that Chromium has (`de-AT` falls back to `de`), else en-US. */
export function spellingLanguages(preferred: readonly string[], available: readonly string[]): string[] {
  const byLowerCase = new Map(available.map((code) => [code.toLowerCase(), code]));
  const chosen: string[] = [];
  for (const language of preferred) {
    const code =
      byLowerCase.get(language.toLowerCase()) ?? byLowerCase.get(language.split('-')[0]!.toLowerCase());
    if (code && !chosen.includes(code)) chosen.push(code);
  }
  return chosen.length > 0 ? chosen : byLowerCase.has('en-us') ? [byLowerCase.get('en-us')!] : [];
}

/**
 * Applies the user's choice. Off means no dictionary at all: Chromium's spellcheck service loads (and
 * downloads) every listed dictionary whatever the enabled preference says, so the list is emptied, which
 * Electron also takes as "disabled". Call before the first window, so nothing is fetched at start.
 */
export function applySpelling(
  session: SpellcheckSession,
  enabled: boolean,
  platform: NodeJS.Platform,
  preferredLanguages: readonly string[],
): void {
  if (!spellingDownloads(platform)) {
    session.setSpellCheckerEnabled(enabled);
    return;
  }
  session.setSpellCheckerLanguages(
    enabled ? spellingLanguages(preferredLanguages, session.availableSpellCheckerLanguages) : [],
  );
}
