/** Why a feedback note's date or URL as typed in its header cannot be saved, in one line. */
import { webAddress } from '../../ui/webAddress.js';

/** `YYYY-MM-DD` naming a real day, as the importer and the templates write it. */
export function dateProblem(value: string): string | undefined {
  if (value === '') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const day = match
    ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
    : undefined;
  const real = day !== undefined && day.toISOString().slice(0, 10) === value;
  return real ? undefined : 'A date is written YYYY-MM-DD, e.g. 2026-11-09.';
}

export function urlProblem(value: string): string | undefined {
  return value === '' || webAddress(value) ? undefined : 'The address must start with http:// or https://.';
}
