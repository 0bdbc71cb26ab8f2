/**
 * A document body rewritten so any Markdown reader shows it whole: `[[KEY]]` becomes an ordinary
 * link (or the plain key), requirement blocks become `#### REQ-1` headings any reader can link to,
 * and local images point where the exported file can find them. Fenced and inline code stay as written.
 */
import {
  fenceOpenedBy,
  isFenceClose,
  isKey,
  isRequirementClose,
  parseRequirementOpen,
  referenceFromMatch,
  referencePatternGlobal,
} from '../../shared/grammar/linkGrammar.js';
import { wikiLinkAtStart, type NameLink } from '../../shared/grammar/nameLinkGrammar.js';
import { embedSize } from '../../shared/markdown/extensions/embed.js';
import { shortTitle } from '../../shared/model/keyTitle.js';
import { escapeHtml } from './htmlSanitizer.js';

export interface PortableLinks {
  /** Where a key points in the exported Markdown, or undefined when it is not in the bundle. */
  linkFor(key: string): string | undefined;
  /** The exported path of a local image, or undefined to leave the reference as written. */
  imageFor(href: string): string | undefined;
  /** The title shown beside a key, when known. */
  titleFor?(key: string): string | undefined;
  /** For `![[image.png]]`: the exported path of the image the name finds, or undefined to leave it as written. */
  embedFor?(link: NameLink): string | undefined;
}

// replace() with a global pattern starts at 0 and resets lastIndex, so one instance serves every line.
const referencePattern = referencePatternGlobal();
const headingPattern = /^( {0,3})(#{1,6})(?=[ \t]|$)/;
const imagePattern = /!\[((?:[^\]\\]|\\.)*)\]\(\s*(<[^>\n]*>|[^\s)]+)((?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*)\)/g;

export function portableMarkdown(body: string, links: PortableLinks): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const output: string[] = [];
  let fence: { marker: string; length: number } | undefined;
  let inRequirement = false;
  for (const line of lines) {
    if (fence) {
      if (isFenceClose(line, fence)) fence = undefined;
      output.push(line);
      continue;
    }
    const opened = fenceOpenedBy(line);
    if (opened) {
      fence = opened;
      output.push(line);
      continue;
    }
    const requirement = parseRequirementOpen(line);
    if (requirement && !inRequirement) {
      inRequirement = true;
      const facts = [requirement.priority, requirement.status].filter((fact) => fact !== undefined);
      const delivers = requirement.roadmap
        .map((key) => {
          const target = links.linkFor(key);
          return target === undefined ? key : `[${key}](${target})`;
        })
        .join(', ');
      if (delivers) facts.push(`delivers ${delivers}`);
      output.push(`#### ${requirement.key}`, '');
      if (facts.length > 0) output.push(`*${facts.join(' · ')}*`, '');
      continue;
    }
    if (inRequirement && isRequirementClose(line)) {
      inRequirement = false;
      continue;
    }
    output.push(
      rewriteInline(
        line.replace(
          headingPattern,
          (_, indent: string, hashes: string) => `${indent}${hashes === '#' ? '##' : hashes}`,
        ),
        links,
      ),
    );
  }
  return output.join('\n');
}

/** Rewrites references and images outside inline code spans. */
function rewriteInline(line: string, links: PortableLinks): string {
  if (!line.includes('[[') && !line.includes('![')) return line;
  return line
    .split(/(`+[^`]*`+)/)
    .map((part, index) =>
      index % 2 === 1 ? part : rewriteImages(rewriteReferences(rewriteEmbeds(part, links), links), links),
    )
    .join('');
}

/** `![[chart.png]]` and `![[chart.png|300]]` as images any reader shows (a sized one as an `<img>`). */
function rewriteEmbeds(text: string, links: PortableLinks): string {
  if (!links.embedFor || !text.includes('![[')) return text;
  let output = '';
  let position = 0;
  for (let at = text.indexOf('![[', position); at !== -1; at = text.indexOf('![[', position)) {
    const found = wikiLinkAtStart(text.slice(at));
    if (!found?.link.embed) {
      output += text.slice(position, at + 3);
      position = at + 3;
      continue;
    }
    const target = links.embedFor(found.link);
    const size = embedSize(found.link.label);
    const alt = size || found.link.label === undefined ? found.link.target : found.link.label;
    output += text.slice(position, at);
    if (target === undefined) output += found.raw;
    else if (size)
      output += `<img src="${escapeHtml(target)}" alt="${escapeHtml(alt)}" width="${size.width}"${size.height === undefined ? '' : ` height="${size.height}"`}>`;
    else output += `![${alt.replace(/[[\]\\]/g, '\\$&')}](<${target}>)`;
    position = at + found.raw.length;
  }
  return output + text.slice(position);
}

function rewriteReferences(text: string, links: PortableLinks): string {
  return text.replace(referencePattern, (...match) => {
    const reference = referenceFromMatch(match as unknown as RegExpExecArray);
    const key =
      reference.anchor !== undefined && isKey(reference.anchor) ? reference.anchor : reference.target;
    const title =
      reference.label === undefined
        ? (links.titleFor?.(key) ?? links.titleFor?.(reference.target))
        : undefined;
    const label =
      reference.label ??
      (reference.anchor === undefined ? reference.target : `${reference.target} › ${reference.anchor}`) +
        (title === undefined ? '' : ` ${shortTitle(title)}`);
    return keyText(key, label, links, reference.target);
  });
}

function rewriteImages(text: string, links: PortableLinks): string {
  return text.replace(imagePattern, (whole, alt: string, href: string, title: string) => {
    const target = links.imageFor(href.replace(/^<|>$/g, ''));
    return target === undefined ? whole : `![${alt}](<${target}>${title})`;
  });
}

function keyText(key: string, label: string, links: PortableLinks, fallback?: string): string {
  const target = links.linkFor(key) ?? (fallback === undefined ? undefined : links.linkFor(fallback));
  const text = label.replace(/[[\]\\]/g, '\\$&');
  return target === undefined ? `**${text}**` : `[${text}](${target})`;
}

/** GitHub's heading anchor: lowercase, punctuation dropped, spaces to dashes. */
export function headingAnchor(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
    .replace(/ /g, '-');
}
