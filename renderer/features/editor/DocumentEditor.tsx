/** The document page: merge conflicts go to the resolver; a missing or loading document says so; else the editor. */
import { conflictedPaths, useGitState } from '../../workbench/gitState.js';
import { EditorPage, type DocumentEditorProps } from './EditorPage.js';
import { useDocumentSession } from './useDocumentSession.js';

export function DocumentEditor(props: DocumentEditorProps) {
  const session = useDocumentSession(props.document, props.workspace.lastChange);
  const git = useGitState();
  // A file git stopped at with conflict markers goes to the resolver, never into the rich editor.
  if (conflictedPaths(git).has(props.document.path)) {
    return (
      <section className="page empty-state" role="alert">
        <h1>This document has merge conflicts</h1>
        <p>
          You and someone else changed the same parts of it. <a href="#/changes">Resolve them in Changes</a>
        </p>
      </section>
    );
  }
  if (session.phase === 'missing') {
    return (
      <section className="page empty-state" role="alert">
        <h1>This document cannot be opened</h1>
        <p>{session.message}</p>
      </section>
    );
  }
  if (session.phase === 'loading' || !session.parsed) {
    return (
      <p className="loading" role="status">
        Opening {session.path}…
      </p>
    );
  }
  return <EditorPage {...props} path={session.path} session={session} parsed={session.parsed} />;
}
