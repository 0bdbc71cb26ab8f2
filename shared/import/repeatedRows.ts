/**
 * Rows of an imported file that repeat an earlier row, named by line, so the user can find them: the
 * CLI, its dry run and the app's preview say the same.
 */

/** A row left out because an earlier row of the same file says the same. */
export interface RepeatedRow {
  /** The file line the repeating row starts on. */
  line: number;
  /** The file line of the earlier row it repeats. */
  sameAs: number;
}

const namedRows = 5;

/** "2 duplicates within this file (line 7 repeats line 3, line 9 repeats line 4)"; empty when none. */
export function repeatedRowsPhrase(repeated: readonly RepeatedRow[]): string {
  if (repeated.length === 0) return '';
  const named = repeated.slice(0, namedRows).map(({ line, sameAs }) => `line ${line} repeats line ${sameAs}`);
  const more = repeated.length - named.length;
  if (more > 0) named.push(`${more} more`);
  const count = `${repeated.length} ${repeated.length === 1 ? 'duplicate' : 'duplicates'} within this file`;
  return `${count} (${named.join(', ')})`;
}
