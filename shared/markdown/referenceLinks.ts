/**
 * Reference-style links and images (`[text][label]`, `[label][]`, `[label]`) whose label the
 * document defines: kept as raw inline source so the definitions they depend on stay meaningful.
 */
import { type TokenizerExtension } from 'marked';

/** Label matching as marked does it (lower case, whitespace collapsed), so both agree on what is defined. */
export function normalizeLabel(label: string): string {
  return label.replace(/\s+/g, ' ').toLowerCase();
}

const labelSource = String.raw`(?:\\[\s\S]|[^[\]\\])*`;
const fullPattern = new RegExp(String.raw`^!?\[(${labelSource})\]\[(${labelSource})\]`);
const shortcutPattern = new RegExp(String.raw`^!?\[(${labelSource})\](?![[(:])`);

/** Matches a reference-style link at the start of `source` whose label is defined. */
export function matchReferenceLink(
  source: string,
  isDefined: (label: string) => boolean,
): string | undefined {
  const full = fullPattern.exec(source);
  if (full) {
    const label = full[2]!.trim() === '' ? full[1]! : full[2]!;
    return isDefined(normalizeLabel(label)) ? full[0] : undefined;
  }
  const shortcut = shortcutPattern.exec(source);
  if (shortcut && shortcut[1]!.trim() !== '' && isDefined(normalizeLabel(shortcut[1]!))) return shortcut[0];
  return undefined;
}

/** A marked inline extension producing `rawInline` tokens; `labels()` gives the document's defined labels. */
export function referenceLinkTokenizer(labels: () => ReadonlySet<string>): TokenizerExtension {
  const isDefined = (label: string) => labels().has(label);
  return {
    name: 'referenceLink',
    level: 'inline',
    start(source: string) {
      if (labels().size === 0) return undefined;
      for (let index = source.indexOf('['); index !== -1; index = source.indexOf('[', index + 1)) {
        const from = index > 0 && source[index - 1] === '!' ? index - 1 : index;
        if (matchReferenceLink(source.slice(from), isDefined) !== undefined) return from;
      }
      return undefined;
    },
    tokenizer(source: string) {
      if (labels().size === 0) return undefined;
      const raw = matchReferenceLink(source, isDefined);
      return raw === undefined ? undefined : { type: 'rawInline', raw, source: raw };
    },
  };
}
