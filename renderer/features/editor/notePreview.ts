/** A linked or embedded note's section, read once per version of the file and kept for previews and embeds. */
import { useEffect, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { noteSection, type NoteSection } from '../../../shared/markdown/noteSection.js';
import { headingPlainText } from '../../../shared/model/headingAnchor.js';

/** A file's text, read once per version: a note linking to ten headings of one file reads it once. */
const texts = new Map<string, Promise<string | undefined>>();

export type SectionState =
  { state: 'loading' } | { state: 'found'; section: NoteSection } | { state: 'missing'; message: string };

function readSection(api: SpecbenchApi, path: string, anchor: string | undefined, version: number) {
  const key = JSON.stringify([path, version]);
  let pending = texts.get(key);
  if (!pending) {
    pending = api.readDocument({ path }).then(
      (result) => (result.ok ? result.text : undefined),
      () => undefined,
    );
    if (texts.size > 200) texts.clear();
    texts.set(key, pending);
  }
  return pending.then((text) => (text === undefined ? undefined : noteSection(text, anchor)));
}

/** The section `anchor` names in `path` (the whole note without one), re-read when `version` changes. */
export function useNoteSection(
  api: SpecbenchApi | undefined,
  path: string | undefined,
  anchor: string | undefined,
  version: number,
  enabled = true,
): SectionState {
  const [state, setState] = useState<SectionState>({ state: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    if (!api || !path) return setState({ state: 'missing', message: 'Not found in this workspace.' });
    let current = true;
    setState({ state: 'loading' });
    void readSection(api, path, anchor, version).then((section) => {
      if (!current) return;
      setState(
        section
          ? { state: 'found', section }
          : { state: 'missing', message: anchor ? `No “${anchor}” in this note.` : 'Could not be read.' },
      );
    });
    return () => {
      current = false;
    };
  }, [api, path, anchor, version, enabled]);
  return state;
}

/** A few lines of a section as plain text, for a hover preview. */
export function excerptOf(markdown: string, limit = 280): string {
  const text = markdown
    .split('\n')
    .map((line) =>
      headingPlainText(line.replace(/^\s*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+|>\s?)+/, '')),
    )
    .filter((line) => line !== '' && !/^(?:```|~~~|---|\|)/.test(line))
    .join(' ');
  return text.length > limit ? `${text.slice(0, limit - 1).trimEnd()}…` : text;
}
