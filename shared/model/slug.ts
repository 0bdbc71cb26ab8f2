/** File names from titles, the same in the engine and the app (which says when a title's name was taken). */

/** Names Windows refuses for a file, with or without an extension (`aux.md` too). */
const reservedNamePattern = /^(?:con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Whether a file name is reserved on Windows: its part before the first dot is a device name. */
export function isReservedName(name: string): boolean {
  return reservedNamePattern.test(name.split('.')[0]!);
}

const slugLimit = 80;

/** A file-name slug of a title: lowercase letters and digits joined by dashes, never empty or reserved. */
export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    // Accents go (é → e) but marks that are part of other scripts' letters stay.
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((word) => word !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > slugLimit) {
      if (slug === '') slug = [...word].slice(0, slugLimit).join('');
      break;
    }
    slug = next;
  }
  if (slug === '') return 'untitled';
  return isReservedName(slug) ? `${slug}-document` : slug;
}
