/** Under the title: the properties form (not for plain documents) and how many required sections are filled. */
import type { DocumentType } from '../../../shared/model/documentModel.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import type { Completeness } from './completeness.js';
import { PropertiesPanel } from './PropertiesPanel.js';

interface DocumentDetailsProps {
  type: DocumentType;
  fields: Record<string, unknown>;
  workspace: WorkspaceState;
  writable: boolean;
  /** Changes front-matter fields and saves at once. */
  onChange: (changes: Record<string, unknown>) => void;
  completeness: Completeness;
}

export function DocumentDetails({
  type,
  fields,
  workspace,
  writable,
  onChange,
  completeness,
}: DocumentDetailsProps) {
  const filled = completeness.required.length - completeness.empty.length;
  return (
    <div className="document-details">
      {type !== 'doc' && (
        <PropertiesPanel
          type={type}
          fields={fields}
          workspace={workspace}
          editable={writable}
          onChange={onChange}
        />
      )}
      {completeness.required.length > 0 && (
        <div className="completeness" aria-label="Completeness">
          <meter
            min={0}
            max={completeness.required.length}
            value={filled}
            aria-label="Required sections filled"
          />
          <span>
            {filled} of {completeness.required.length} required sections
            {completeness.empty.length > 0 && (
              <span className="missing"> · missing {completeness.empty.join(', ')}</span>
            )}
          </span>
        </div>
      )}
    </div>
  );
}
