/**
 * Front matter `design:` on specs and stories: a list of URLs or Markdown links
 * (`- "[Checkout flow (Figma)](https://figma.com/…)"`). Only http and https become links (the text is
 * untrusted: a `javascript:` or `file:` entry stays text); a bare URL is its own label.
 */
export interface DesignLink {
  label: string;
  /** Set only for an http or https address. */
  url?: string;
}

/** http or https with a host and no credentials (the renderer checks again with URL before linking). */
const webAddress = /^https?:\/\/[^\s/?#@:]+(?::\d+)?(?:[/?#]\S*)?$/i;
const markdownLink = /^\[([^\]]*)\]\(\s*<?([^\s>]+)>?\s*\)$/;

export function parseDesignLinks(value: unknown): DesignLink[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items.flatMap((item): DesignLink[] => {
    if (typeof item !== 'string' || item.trim() === '') return [];
    const text = item.trim();
    const linked = markdownLink.exec(text);
    const [label, address] = linked ? [linked[1]!.trim() || linked[2]!, linked[2]!] : [text, text];
    return [webAddress.test(address) ? { label, url: address } : { label: linked ? text : label }];
  });
}
