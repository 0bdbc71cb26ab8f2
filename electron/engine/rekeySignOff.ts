/**
 * What a rekey carries over in sign-off front matter, so renaming is not mistaken for a change of
 * substance: a story's `reviewed:` stamp moves to the requirement's new key, and a spec's approvals
 * of its requirements as they were follow the new key into the spec's fingerprint.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Scalar } from 'yaml';
import { setFrontMatterFields, splitDocument } from '../../shared/frontMatter/frontMatter.js';
import { scanMarkdown } from '../../shared/grammar/markdownScanner.js';
import { requirementFingerprint, specFingerprint } from '../../shared/model/fingerprint.js';
import { approvalsOf, reviewStamps } from '../../shared/model/signOff.js';

/** `reviewed: {OLD: stamp}` becomes `reviewed: {NEW: stamp}`, changing only the key's characters. */
export function renameReviewStamp(raw: string, oldKey: string, newKey: string): string {
  const data = splitDocument(raw).frontMatter?.data;
  const stamps = data ? reviewStamps(data) : new Map<string, string>();
  if (!stamps.has(oldKey) || stamps.has(newKey)) return raw;
  const expected = Object.fromEntries(
    Object.entries(data!.reviewed as Record<string, unknown>).map(([key, stamp]) => [
      key === oldKey ? newKey : key,
      stamp,
    ]),
  );
  return replaceScalars(
    raw,
    (document) => {
      const map = document.get('reviewed', true);
      if (!isMap(map)) return [];
      return map.items.flatMap((pair) => (isScalar(pair.key) && pair.key.value === oldKey ? [pair.key] : []));
    },
    oldKey,
    newKey,
    { reviewed: expected },
  );
}

/**
 * A spec's approvals of its requirements as they were before the rename (`bodyBefore`) now name
 * the fingerprint of the same requirements under their new keys (`bodyAfter`); an approval already
 * stale stays stale.
 */
export function carryApprovals(raw: string, bodyBefore: string, bodyAfter: string): string {
  const data = splitDocument(raw).frontMatter?.data;
  if (!data) return raw;
  const before = bodyFingerprint(bodyBefore);
  const after = bodyFingerprint(bodyAfter);
  const approvals = approvalsOf(data);
  if (before === after || !approvals.some((approval) => approval.fingerprint === before)) return raw;
  const expected = (data.approvals as unknown[]).map((entry) =>
    entry !== null && typeof entry === 'object' && (entry as Record<string, unknown>).fingerprint === before
      ? { ...(entry as Record<string, unknown>), fingerprint: after }
      : entry,
  );
  return replaceScalars(
    raw,
    (document) => {
      const list = document.get('approvals', true);
      if (!isSeq(list)) return [];
      return list.items.flatMap((entry) => {
        const fingerprint = isMap(entry) ? entry.get('fingerprint', true) : undefined;
        return isScalar(fingerprint) && fingerprint.value === before ? [fingerprint] : [];
      });
    },
    before,
    after,
    { approvals: expected },
  );
}

/** The fingerprint approvals record (`documentFingerprint`), from a spec's body as written. */
function bodyFingerprint(body: string): string {
  return specFingerprint(
    scanMarkdown(body).requirements.map((requirement) => ({
      key: requirement.attributes.key,
      priority: requirement.attributes.priority,
      fingerprint: requirementFingerprint(requirement.body),
    })),
  );
}

/**
 * Replaces `from` by `to` inside the source of the scalars `find` picks, leaving every other byte;
 * when the result does not read back as `expected` (a stamp that would turn into a number), the
 * fields are written through setFrontMatterFields instead.
 */
function replaceScalars(
  raw: string,
  find: (document: Document) => Scalar[],
  from: string,
  to: string,
  expected: Record<string, unknown>,
): string {
  const frontMatter = splitDocument(raw).frontMatter;
  if (!frontMatter || frontMatter.error) return raw;
  const { yaml } = frontMatter;
  const yamlStart = raw.indexOf('\n') + 1;
  const ranges = find(parseDocument(yaml)).flatMap((scalar) => (scalar.range ? [scalar.range] : []));
  let result = yaml;
  for (const [start, end] of ranges.sort((a, b) => b[0] - a[0])) {
    result = result.slice(0, start) + result.slice(start, end).replace(from, to) + result.slice(end);
  }
  const candidate = raw.slice(0, yamlStart) + result + raw.slice(yamlStart + yaml.length);
  const check = splitDocument(candidate).frontMatter?.data;
  const matches = Object.entries(expected).every(
    ([field, value]) => JSON.stringify(check?.[field]) === JSON.stringify(value),
  );
  return matches ? candidate : setFrontMatterFields(raw, expected);
}
