/** Which web addresses from untrusted documents may become links. */

/** The address normalised, or undefined unless it is http or https with a host and no credentials. */
export function webAddress(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return undefined;
  return url.href;
}
