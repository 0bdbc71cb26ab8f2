/** The engineer's read-only story page: the requirement, its spec section, roadmap item, criteria, siblings. */
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { splitDocument } from '../../../shared/frontMatter/frontMatter.js';
import { suspectLinks } from '../../../shared/model/signOff.js';
import { documentLink, keyHash, searchHash, sharedStoryHash } from '../../workbench/route.js';
import { storyViewHash } from '../../workbench/storyView.js';
import { CopyLinkButton } from '../../ui/CopyLinkButton.js';
import { SidePanelToggle } from '../../ui/SidePanelToggle.js';
import { useSidePanelToggle } from '../../workbench/sidePanel.js';
import { useCommentCounts } from '../../workbench/comments.js';
import { useStoryComment } from './useStoryComment.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import {
  holdsOnlyExample,
  ReadOnlyMarkdown,
  RekeyedLinkNotice,
  ReviewedChanges,
  templateOutline,
} from '../editor/index.js';
import { sectionAround, sectionNamed } from './sectionText.js';
import { ImplementedRequirement } from './ImplementedRequirement.js';
import { StoryPlan } from './StoryPlan.js';
import { useDocumentText } from './useDocumentText.js';
import { riceScore } from '../../../shared/model/roadmapModel.js';
import { useEditKey } from './useEditKey.js';
import { ReviewNotice } from './ReviewNotice.js';
import { useReviewedNotice } from '../../workbench/reviewedNotice.js';
import './story.css';

interface StoryPageProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  path: string;
}

export function StoryPage({ api, workspace, navigate, path }: StoryPageProps) {
  const story = workspace.byPath.get(path);
  const panelToggle = useSidePanelToggle(useCommentCounts(api), story?.key);
  const commentOnStory = useStoryComment(workspace, story?.key);
  const storyText = useDocumentText(api, path, workspace.revision);
  const requirementKey = story?.implements[0];
  const spec = requirementKey ? workspace.requirementOwner.get(requirementKey) : undefined;
  const requirement = spec?.requirements.find((entry) => entry.key === requirementKey);
  const specText = useDocumentText(api, spec?.path, workspace.revision);
  const writable = workspace.info?.writable ?? false;
  const reviewed = useReviewedNotice((reviewedPath) => void workspace.update({ paths: [reviewedPath] }));
  useEditKey(
    writable && story ? storyViewHash(story, 'editor', writable, workspace.byKey) : undefined,
    navigate,
  );
  if (!story) {
    // An old path link: the file was renamed (in a commit this browser did not see) or deleted.
    const name = path.split('/').at(-1)!.replace(/\.md$/i, '').replace(/-/g, ' ');
    return (
      <section className="page empty-state" aria-labelledby="no-story">
        <h1 id="no-story">No story at {path}</h1>
        <p>
          The file was renamed or deleted since this link was made. A story’s key link (Copy link gives one)
          finds it wherever it moves; searching finds a story by the words of its old name.
        </p>
        <p className="empty-state-actions">
          <a href={searchHash(name)}>Search for “{name}”</a>
          <a href="#/stories">All stories</a>
        </p>
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
  // Every item any implemented requirement delivers, once.
  const roadmapKeys = [
    ...new Set(
      story.implements.flatMap(
        (key) =>
          workspace.requirementOwner.get(key)?.requirements.find((entry) => entry.key === key)?.roadmap ?? [],
      ),
    ),
  ];
  const roadmap = roadmapKeys.map((key) => ({ key, item: workspace.roadmapByKey.get(key) }));
  const openQuestions = specText ? sectionNamed(splitDocument(specText).body, 'Open questions') : undefined;
  const faqs = spec?.key
    ? workspace.documents.filter((entry) => entry.type === 'faq' && entry.answers.includes(spec.key!))
    : [];
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
      <RekeyedLinkNotice findings={workspace.findings} path={path} />
      {suspects.length > 0 && (
        <ReviewNotice
          api={api}
          path={path}
          story={story.key ?? story.title}
          suspects={suspects.map((suspect) => suspect.requirement)}
          writable={workspace.info?.writable ?? false}
          onReviewed={(done) => {
            reviewed.show(done);
            void workspace.update({ paths: [path] });
          }}
        />
      )}
      {reviewed.notice}
      {suspects.length > 0 && <ReviewedChanges api={api} path={path} revision={workspace.revision} />}
      <header className="story-header">
        <p className="document-meta">
          <span className="type-badge type-story">story</span>
          {story.key && <span className="key">{story.key}</span>}
          {story.status && <span className={`status status-${story.status}`}>{story.status}</span>}
          {story.estimate !== undefined && <span className="estimate">{story.estimate} points</span>}
          <span className="spacer" />
          {story.key && <CopyLinkButton hash={sharedStoryHash(story.key, 'engineer')} subject={story.key} />}
          {commentOnStory && (
            <button
              type="button"
              className="copy-link subtle-link"
              title="Comment on this story (Ctrl+Alt+M)"
              onClick={commentOnStory}
            >
              Comment
            </button>
          )}
          <SidePanelToggle {...panelToggle} />
          {writable && (
            <a
              className="button subtle"
              href={storyViewHash(story, 'editor', writable, workspace.byKey)}
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
          <ul className="plain-list">
            {story.implements.map((key) => {
              const owner = workspace.requirementOwner.get(key);
              const implemented = owner?.requirements.find((entry) => entry.key === key);
              return (
                <li key={key}>
                  {implemented && owner ? (
                    <>
                      <a href={keyHash(owner.key ?? key, owner.key ? key : undefined)}>
                        <span className="key">{key}</span> {implemented.summary}
                      </a>
                      <span className="muted">
                        {[implemented.priority, implemented.status].filter(Boolean).join(' · ')} · in{' '}
                        <a href={documentLink(owner, {}, workspace.byKey)}>
                          {owner.key} {owner.title}
                        </a>
                        {owner.owner && ` · owner ${owner.owner}`}
                      </span>
                    </>
                  ) : (
                    <span className="muted">{key} is not in any spec.</span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
        <section aria-label="Roadmap item" className="story-card">
          <h2>Roadmap</h2>
          {roadmap.length === 0 && (
            <p className="muted">No implemented requirement delivers a roadmap item.</p>
          )}
          <ul className="plain-list">
            {roadmap.map(({ key, item }) => (
              <li key={key}>
                <a href={`#/roadmap/${encodeURIComponent(key)}`}>
                  <span className="key">{key}</span> {item?.title ?? 'not found'}
                </a>
                {item && (
                  <span className="muted">
                    {[item.lane, item.quarter, item.status].filter(Boolean).join(' · ')}
                    {item.rice && ` · RICE ${riceScore(item.rice).toLocaleString('en')}`}
                    {item.owner && ` · owner ${item.owner}`}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      </div>
      <StoryPlan
        story={story}
        specs={[
          ...new Set(
            story.implements.flatMap((key) => {
              const owner = workspace.requirementOwner.get(key);
              return owner ? [owner] : [];
            }),
          ),
        ]}
        workspace={workspace}
      />
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
      {story.implements.map((key) => (
        <ImplementedRequirement
          key={key}
          api={api}
          requirementKey={key}
          spec={workspace.requirementOwner.get(key)}
          revision={workspace.revision}
          navigate={navigate}
        />
      ))}
      {openQuestions && spec && (
        <section aria-label="Open questions" className="story-section">
          <h2>
            Open questions in {spec.title}
            {spec.owner && <span className="muted"> · ask {spec.owner}</span>}
          </h2>
          <ReadOnlyMarkdown
            markdown={openQuestions}
            path={spec.path}
            label="Open questions text"
            navigate={navigate}
          />
        </section>
      )}
      {faqs.length > 0 && (
        <section aria-label="FAQs" className="story-section">
          <h2>FAQs that answer it</h2>
          <ul className="plain-list">
            {faqs.map((faq) => (
              <li key={faq.path}>
                <a href={documentLink(faq, {}, workspace.byKey)}>
                  <span className="key">{faq.key}</span> {faq.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {section && spec && (
        <section aria-label="Spec section" className="story-section">
          <h2>
            From the spec: <a href={documentLink(spec, {}, workspace.byKey)}>{spec.title}</a>
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
