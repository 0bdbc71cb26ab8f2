/**
 * "Make this a spec" for a note without a key (or one that says `type: spec` but has none): adds
 * `key:` (the next free one) and `type:` to its front matter and changes nothing else, so it can be
 * linked by key, exported and traced. A note that declares story or FAQ becomes that instead.
 */
import { nextKey } from '../../../shared/model/keys.js';
import type { DocumentType } from '../../../shared/model/documentModel.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';

const kinds: Partial<Record<DocumentType, { type: 'spec' | 'story' | 'faq'; name: string }>> = {
  doc: { type: 'spec', name: 'spec' },
  spec: { type: 'spec', name: 'spec' },
  story: { type: 'story', name: 'story' },
  faq: { type: 'faq', name: 'FAQ' },
};

interface MakeSpecButtonProps {
  type: DocumentType;
  hasKey: boolean;
  workspace: WorkspaceState;
  /** Changes front-matter fields and saves at once. */
  setFields: (changes: Record<string, unknown>) => void;
}

export function MakeSpecButton({ type, hasKey, workspace, setFields }: MakeSpecButtonProps) {
  const kind = kinds[type];
  const prefixes = workspace.info?.settings.prefixes;
  if (hasKey || !kind || !prefixes) return null;
  const makeSpec = () => {
    const taken = [
      ...workspace.documents.flatMap((document) => [
        ...(document.key ? [document.key] : []),
        ...document.requirements.map((requirement) => requirement.key),
      ]),
      ...workspace.roadmap.map((item) => item.key),
    ];
    const key = nextKey(prefixes[kind.type], taken);
    setFields(type === kind.type ? { key } : { key, type: kind.type });
  };
  return (
    <button type="button" className="make-spec" onClick={makeSpec}>
      Make this a {kind.name}
    </button>
  );
}
