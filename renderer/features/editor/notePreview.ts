/** A linked or embedded note's section, read once per version of the file and kept for previews and embeds. */
import { useEffect, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { noteSection, type NoteSection } from '../../../shared/markdown/noteSection.js';

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

/**
 * The first blocks of a section, up to about `limit` characters, for a hover preview: cut between
 * blocks (never inside fenced code), so what is shown renders as it does in the note.
 */
export function previewOf(markdown: string, limit = 700): { markdown: string; cut: boolean } {
  const lines = markdown.split('\n');
  let fence: string | undefined;
  let length = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length)))
      fence = fence === undefined ? marker : undefined;
    length += line.length + 1;
    if (fence === undefined && line.trim() === '' && length > limit && index + 1 < lines.length) {
      return { markdown: lines.slice(0, index).join('\n').trimEnd(), cut: true };
    }
  }
  return { markdown: markdown.trimEnd(), cut: false };
}
