/**
 * Why an imported row's address is left out of its note, and the one line that counts those left
 * out: the CLI, its dry run, the app's preview and its result say the same.
 */

/** An address a row gave that its note does not keep. */
export interface RefusedAddress {
  /** The file line its row starts on. */
  line: number;
  address: string;
  /** What the address must be, after "it" or "they": "must start with http:// or https://". */
  reason: string;
}

export const addressLengthLimit = 2000;

/** What is wrong with an address, or undefined when a note may keep it (http or https, one word). */
export function addressRefusal(address: string): string | undefined {
  if (!/^https?:\/\/\S/i.test(address)) return 'must start with http:// or https://';
  if (/\s/.test(address)) return 'must not contain spaces';
  if (address.length > addressLengthLimit) return 'must be at most 2,000 characters long';
  return undefined;
}

/** "2 addresses left out: they must start with http:// or https:// (lines 3, 5)", one per reason. */
export function refusedAddressLines(refused: readonly RefusedAddress[]): string[] {
  const byReason = new Map<string, number[]>();
  for (const { reason, line } of refused) byReason.set(reason, [...(byReason.get(reason) ?? []), line]);
  return [...byReason].map(([reason, lines]) => {
    const one = lines.length === 1;
    return `${lines.length} ${one ? 'address' : 'addresses'} left out: ${one ? 'it' : 'they'} ${reason} (${one ? 'line' : 'lines'} ${lines.join(', ')})`;
  });
}
