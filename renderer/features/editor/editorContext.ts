/** What node views need from the editor page (navigation, the selected requirement, the document path). */
import { createContext, useContext } from 'react';
import type { Extensions } from '@tiptap/core';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';

export interface EditorContextValue {
  path: string;
  navigate: (hash: string) => void;
  onSelectRequirement: (key: string | undefined) => void;
  /** Saves now what a node view just changed (a requirement's priority, status or roadmap items). */
  commit?: () => void;
  /** A requirement card to mark (the story page's implemented requirement). */
  highlight?: string;
  /** For node views that read other documents (embeds, link previews); absent where nothing may be read. */
  api?: SpecbenchApi;
  /** How many embeds deep this text is shown (a note embedding itself stops). */
  embedDepth?: number;
  /** The editor's extensions for another document's text (an embedded note renders with them). */
  extensionsFor?: (path: string) => Extensions;
}

export const EditorPageContext = createContext<EditorContextValue>({
  path: '',
  navigate: () => undefined,
  onSelectRequirement: () => undefined,
});

export function useEditorContext(): EditorContextValue {
  return useContext(EditorPageContext);
}
