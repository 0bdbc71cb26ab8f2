/** One requirement a story implements, on the engineer's page: its text and criteria, its spec and who to ask. */
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import { keyHash } from '../../workbench/route.js';
import { ReadOnlyMarkdown } from '../editor/index.js';
import { requirementBlock } from './sectionText.js';
import { useDocumentText } from './useDocumentText.js';

interface ImplementedRequirementProps {
  api: SpecbenchApi;
  requirementKey: string;
  spec: DocumentSummary | undefined;
  revision: number;
  navigate: (hash: string) => void;
}

export function ImplementedRequirement({
  api,
  requirementKey,
  spec,
  revision,
  navigate,
}: ImplementedRequirementProps) {
  const requirement = spec?.requirements.find((entry) => entry.key === requirementKey);
  const specText = useDocumentText(api, spec?.path, revision);
  const block = specText && requirement ? requirementBlock(specText, requirement.line) : undefined;
  if (!spec || !requirement) {
    return (
      <section aria-label={`Implements ${requirementKey}`} className="story-section">
        <h2>{requirementKey}</h2>
        <p className="muted">{requirementKey} is not in any spec.</p>
      </section>
    );
  }
  return (
    <section aria-label={`Implements ${requirementKey}`} className="story-section">
      <h2>
        <a href={keyHash(spec.key ?? requirementKey, spec.key ? requirementKey : undefined)}>
          {requirementKey}
        </a>{' '}
        <span className="muted">
          {[requirement.priority, requirement.status].filter(Boolean).join(' · ')} · in{' '}
          <a href={spec.key ? keyHash(spec.key) : undefined}>
            {spec.key} {spec.title}
          </a>
          {spec.owner && <> · ask {spec.owner}</>}
        </span>
      </h2>
      {block ? (
        <ReadOnlyMarkdown
          markdown={block}
          path={spec.path}
          label={`${requirementKey} and its criteria`}
          navigate={navigate}
        />
      ) : (
        <p className="muted">{specText === undefined ? 'Loading…' : requirement.summary}</p>
      )}
    </section>
  );
}
