/** What node views need from the editor page (navigation, the selected requirement, the document path). */
import { createContext, useContext } from 'react';

export interface EditorContextValue {
  path: string;
  navigate: (hash: string) => void;
  onSelectRequirement: (key: string | undefined) => void;
  /** Saves now what a node view just changed (a requirement's priority, status or roadmap items). */
  commit?: () => void;
  /** A requirement card to mark (the story page's implemented requirement). */
  highlight?: string;
}

export const EditorPageContext = createContext<EditorContextValue>({
  path: '',
  navigate: () => undefined,
  onSelectRequirement: () => undefined,
});

export function useEditorContext(): EditorContextValue {
  return useContext(EditorPageContext);
}
