/** The only way a URL leaves the app: normalised, then allowed only for http, https and mailto. */

const allowedProtocols = new Set(['http:', 'https:', 'mailto:']);

/** Returns the URL to hand to the operating system, or undefined when it must not be opened. */
export function safeExternalUrl(raw: string): string | undefined {
  let url: URL;
  try {
    // The WHATWG parser strips surrounding whitespace and controls and lowercases the scheme, as browsers do.
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (!allowedProtocols.has(url.protocol)) return undefined;
  if (url.protocol !== 'mailto:' && (url.hostname === '' || url.username !== '' || url.password !== '')) {
    return undefined;
  }
  return url.href;
}

export type OpenExternal = (url: string) => Promise<void>;

/** Opens an allowed URL with the system handler; everything else is refused and reported. */
export async function openExternalSafely(raw: string, openExternal: OpenExternal): Promise<boolean> {
  const url = safeExternalUrl(raw);
  if (url === undefined) return false;
  await openExternal(url);
  return true;
}
