/** The engineer's read-only story page: the requirement, its spec section, roadmap item, criteria, siblings. */
import { useEffect, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { splitDocument } from '../../../shared/frontMatter/frontMatter.js';
import { suspectLinks } from '../../../shared/model/signOff.js';
import { documentHash, keyHash } from '../../workbench/route.js';
import { CopyLinkButton } from '../../ui/CopyLinkButton.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { holdsOnlyExample, ReadOnlyMarkdown, templateOutline } from '../editor/index.js';
import { sectionAround, sectionNamed } from './sectionText.js';
import { ReviewedChanges } from './ReviewedChanges.js';
import { useEditKey } from './useEditKey.js';
import './story.css';

interface StoryPageProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  path: string;
}

function useDocumentText(api: SpecbenchApi, path: string | undefined, revision: number): string | undefined {
  const [text, setText] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!path) return setText(undefined);
    let cancelled = false;
    void api
      .readDocument({ path })
      .then((result) => !cancelled && setText(result.ok ? result.text : undefined));
    return () => {
      cancelled = true;
    };
  }, [api, path, revision]);
  return text;
}

export function StoryPage({ api, workspace, navigate, path }: StoryPageProps) {
  const story = workspace.byPath.get(path);
  const storyText = useDocumentText(api, path, workspace.revision);
  const requirementKey = story?.implements[0];
  const spec = requirementKey ? workspace.requirementOwner.get(requirementKey) : undefined;
  const requirement = spec?.requirements.find((entry) => entry.key === requirementKey);
  const specText = useDocumentText(api, spec?.path, workspace.revision);
  const writable = workspace.info?.writable ?? false;
  useEditKey(writable && story ? documentHash(path) : undefined, navigate);
  if (!story) {
    return (
      <section className="page empty-state">
        <h1>No story at {path}</h1>
      </section>
    );
  }
  const written = storyText ? sectionNamed(splitDocument(storyText).body, 'Acceptance criteria') : undefined;
  // The template's sample criterion is the PM's guidance, not a criterion an engineer should build to.
  const criteria =
    written && !holdsOnlyExample(templateOutline(workspace.info, 'story'), 'Acceptance criteria', written)
      ? written
      : undefined;
  const section = specText && requirement ? sectionAround(specText, requirement.line) : undefined;
  const roadmap = (requirement?.roadmap ?? []).map((key) => ({ key, item: workspace.roadmapByKey.get(key) }));
  const siblings = requirementKey
    ? workspace.documents.filter(
        (entry) => entry.type === 'story' && entry.path !== path && entry.implements.includes(requirementKey),
      )
    : [];

  const suspects = storyText
    ? suspectLinks({ ...story, fields: splitDocument(storyText).frontMatter?.data ?? {} }, (key) =>
        workspace.requirementOwner.get(key)?.requirements.find((entry) => entry.key === key),
      )
    : [];

  return (
    <article className="page story-page">
      {suspects.length > 0 && (
        <ReviewNotice
          api={api}
          path={path}
          suspects={suspects.map((suspect) => suspect.requirement)}
          writable={workspace.info?.writable ?? false}
          onReviewed={() => void workspace.update({ paths: [path] })}
        />
      )}
      {suspects.length > 0 && <ReviewedChanges api={api} path={path} revision={workspace.revision} />}
      <header className="story-header">
        <p className="document-meta">
          <span className="type-badge type-story">story</span>
          {story.key && <span className="key">{story.key}</span>}
          {story.status && <span className={`status status-${story.status}`}>{story.status}</span>}
          {story.estimate !== undefined && <span className="estimate">{story.estimate} points</span>}
          <span className="spacer" />
          {story.key && <CopyLinkButton hash={keyHash(story.key)} subject={story.key} />}
          {writable && (
            <a
              className="button subtle"
              href={documentHash(path)}
              aria-keyshortcuts="E"
              title="Edit story (E)"
            >
              Edit story <kbd>E</kbd>
            </a>
          )}
        </p>
        <h1 dir="auto">{story.title}</h1>
      </header>
      <div className="story-grid">
        <section aria-label="Requirement" className="story-card">
          <h2>Requirement</h2>
          {!requirementKey && (
            <p className="muted">This story does not name a requirement in `implements`.</p>
          )}
          {requirementKey && !requirement && <p className="muted">{requirementKey} is not in any spec.</p>}
          {requirement && spec && (
            <>
              <p>
                <a href={`${documentHash(spec.path)}?line=${requirement.line}`}>
                  <span className="key">{requirement.key}</span> {requirement.summary}
                </a>
              </p>
              <p className="muted">
                {[requirement.priority, requirement.status].filter(Boolean).join(' · ')} · in{' '}
                <a href={documentHash(spec.path)}>
                  {spec.key} {spec.title}
                </a>
              </p>
            </>
          )}
          {story.implements.length > 1 && (
            <p className="muted">Also implements {story.implements.slice(1).join(', ')}.</p>
          )}
        </section>
        <section aria-label="Roadmap item" className="story-card">
          <h2>Roadmap</h2>
          {roadmap.length === 0 && <p className="muted">The requirement delivers no roadmap item.</p>}
          <ul className="plain-list">
            {roadmap.map(({ key, item }) => (
              <li key={key}>
                <a href={`#/roadmap/${encodeURIComponent(key)}`}>
                  <span className="key">{key}</span> {item?.title ?? 'not found'}
                </a>
                {item && (
                  <span className="muted">
                    {' '}
                    · {item.lane}
                    {item.quarter ? ` · ${item.quarter}` : ''}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section aria-label="Acceptance criteria" className="story-section">
        <h2>Acceptance criteria</h2>
        {criteria ? (
          <ReadOnlyMarkdown
            markdown={criteria}
            path={path}
            label="Acceptance criteria text"
            navigate={navigate}
            hideGuidance
          />
        ) : (
          <p className="muted">
            {storyText === undefined ? 'Loading…' : 'No acceptance criteria written yet.'}
          </p>
        )}
      </section>
      {section && spec && (
        <section aria-label="Spec section" className="story-section">
          <h2>
            From the spec: <a href={documentHash(spec.path)}>{spec.title}</a>
          </h2>
          <ReadOnlyMarkdown
            markdown={section}
            highlight={requirementKey}
            path={spec.path}
            label="Spec section text"
            navigate={navigate}
            hideGuidance
          />
        </section>
      )}
      <section aria-label="Sibling stories" className="story-section">
        <h2>Other stories for {requirementKey ?? 'this requirement'}</h2>
        {siblings.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul className="plain-list">
            {siblings.map((entry) => (
              <li key={entry.path}>
                <a href={`#/stories/${entry.path.split('/').map(encodeURIComponent).join('/')}`}>
                  <span className="key">{entry.key}</span> {entry.title}
                </a>
                {entry.status && <span className={`status status-${entry.status}`}>{entry.status}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

/** "REQ-2 changed since this story was reviewed", with Mark reviewed (which stamps the story's front matter). */
function ReviewNotice({
  api,
  path,
  suspects,
  writable,
  onReviewed,
}: {
  api: SpecbenchApi;
  path: string;
  suspects: string[];
  writable: boolean;
  onReviewed: () => void;
}) {
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const keys = suspects.join(', ');
  const markReviewed = async () => {
    setBusy(true);
    const result = await api.markReviewed({ path });
    setBusy(false);
    if (result.ok) {
      setError(undefined);
      onReviewed();
    } else setError(result.message);
  };
  return (
    <section role="status" aria-label="Review" className="banner banner--warning story-review">
      <span>
        {keys} changed since this story was reviewed. Check the story still matches, then mark it reviewed.
        {error && <span className="form-error">{error}</span>}
      </span>
      {writable && (
        <button type="button" disabled={busy} onClick={() => void markReviewed()}>
          Mark reviewed
        </button>
      )}
    </section>
  );
}
