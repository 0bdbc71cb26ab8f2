/**
 * Browser mode names each page (tab) it serves: calls carry the page's id in this header and its event
 * stream in the `client` query parameter, so a write is announced to the other pages and not its own.
 */
export const clientHeaderName = 'x-specbench-client';

/** A page id as sent: short and plain, or nothing (an absent or odd id is treated as no id). */
export function clientOf(value: string | null | undefined): string | undefined {
  return value && /^[A-Za-z0-9-]{8,64}$/.test(value) ? value : undefined;
}
