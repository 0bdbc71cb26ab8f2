/** An opened document's page: title, properties, toolbar, the TipTap editor, autosave state and conflicts. */
import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { ParsedDocument } from '../../../shared/markdown/markdownCodec.js';
import type { DocumentType } from '../../../shared/model/documentModel.js';
import { headingPlainText } from '../../../shared/model/headingAnchor.js';
import { parseRoute } from '../../workbench/route.js';
import { localLinkProblem } from '../../workbench/nameLinkTarget.js';
import { refreshBrokenLinks } from './BrokenLinks.js';
import { useSidePanelToggle } from '../../workbench/sidePanel.js';
import { SignOffBar } from './SignOffBar.js';
import type { DocumentSession } from '../../workbench/documentSession.js';
import { useDocumentEntry } from '../../workbench/useDocumentEntry.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { freshlyCreated } from '../../workbench/createDocument.js';
import { moveToBodyStart } from './bodyStart.js';
import { completenessOf, sameCompleteness, templateOutline, type Completeness } from './completeness.js';
import { templateExamplesKey } from './TemplateExamples.js';
import { sharedCodec } from '../../workbench/sharedCodec.js';
import { revealAnchor, revealRequirement } from './scrollToAnchor.js';
import { ConflictBanner } from './ConflictBanner.js';
import { DocumentDetails } from './DocumentDetails.js';
import { DocumentMeta } from './DocumentMeta.js';
import { DuplicateKeyBanner } from './DuplicateKeyBanner.js';
import { RestoreBanner } from './RestoreBanner.js';
import { EditorPageContext } from './editorContext.js';
import { imageFiles, uploadImages } from './editorCommands.js';
import { createEditorExtensions } from './editorExtensions.js';
import { EditorToolbar } from './EditorToolbar.js';
import { useLinkDialog } from './LinkDialog.js';
import { MarkdownLinkPreview } from './MarkdownLinkPreview.js';
import { useBrokenLinkNotice } from './useBrokenLinkNotice.js';
import { useKeepBoth } from './useKeepBoth.js';
import type { DocumentSessionBinding } from './useDocumentSession.js';
import { sanitizeHtml } from './sanitizePastedHtml.js';
import { TitleField } from './TitleField.js';
import { useSuggestion } from './useSuggestion.js';
import './editor.css';
import { foundPath, locateImageSource } from '../../../shared/model/nameResolver.js';
import { softBreaksToNodes } from '../../workbench/softBreak.js';
import {
  useCommentCounts,
  useCommentRequests,
  useCommentShortcut,
  useQuotedTexts,
} from '../../workbench/comments.js';
import { commentQuotesKey } from './CommentQuotes.js';
import { commentTarget } from './commentTarget.js';

export interface DocumentEditorProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  /** The open document's session (its identity: a new file at an old path gets a new one). */
  document: DocumentSession;
  line?: number;
  /** A heading (text or GitHub id) or `^block` id to open the document at. */
  anchor?: string;
  /** A requirement to open the document at (a key link `#/REQ-4`). */
  requirement?: string;
  onSelectRequirement: (key: string | undefined) => void;
}

export function EditorPage({
  api,
  workspace,
  navigate,
  path,
  line,
  anchor,
  requirement,
  onSelectRequirement,
  session,
  parsed,
}: DocumentEditorProps & { path: string; session: DocumentSessionBinding; parsed: ParsedDocument }) {
  const entry = workspace.byPath.get(path);
  const fullEntry = useDocumentEntry(api, line ? path : undefined, workspace.revision);
  const type: DocumentType =
    entry?.type ?? (typeof session.fields.type === 'string' ? (session.fields.type as DocumentType) : 'doc');
  const writable = workspace.info?.writable ?? false;
  // Images resolve against the document's folder, read when they render: the editor is made once per
  // session, so a move to another folder keeps what was typed (it was made again from the opened text).
  const folderRef = useRef('');
  folderRef.current = path.slice(0, path.lastIndexOf('/') + 1);
  const outline = useMemo(() => templateOutline(workspace.info, type), [workspace.info, type]);
  const outlineRef = useRef(outline);
  outlineRef.current = outline;
  // The texts open threads quote are marked in the document (CommentQuotes).
  const quotes = useQuotedTexts(api, entry?.key);
  const quotesRef = useRef(quotes);
  quotesRef.current = quotes;
  const extensions = useMemo(
    () =>
      createEditorExtensions(
        () => `${folderRef.current}document.md`,
        () => outlineRef.current?.examples,
        () => quotesRef.current,
        (href) => localLinkProblem(workspaceRef.current, href, pathRef.current)?.message,
        (source) => locateImageSource(source, foundPath(workspaceRef.current.names, pathRef.current)),
      ),
    [],
  );
  const titleInput = useRef<HTMLTextAreaElement>(null);
  const [completeness, setCompleteness] = useState<Completeness>(() =>
    completenessOf(sharedCodec().schema.nodeFromJSON(parsed.doc), outline),
  );
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const editorRef = useRef<Editor | null>(null);
  // What a link click in the editor (created once, surviving renames) resolves against now.
  const workspaceRef = useRef(workspace);
  workspaceRef.current = workspace;
  const pathRef = useRef(path);
  pathRef.current = path;
  const goRef = useRef<(hash: string) => void>(navigate);
  const linkClicks = useBrokenLinkNotice({ workspace: workspaceRef, path: pathRef, go: goRef });
  const suggestion = useSuggestion(editorRef.current, api, workspace, path);
  const suggestionRef = useRef(suggestion);
  suggestionRef.current = suggestion;
  const completenessTimer = useRef<number | undefined>(undefined);
  const link = useLinkDialog(editorRef, api, workspace.documents);
  const { keepBoth, hint: copyHint } = useKeepBoth({ api, workspace, session, path, type, entry, setNotice });
  // A pasted or dropped image is an edit from the moment it lands: the session counts it until it is in.
  const { track, insertContent } = session;
  const insertImagesAt = (files: File[], position: number) => {
    setNotice(undefined);
    // Tracked until the image is in the document (not only written), so leaving waits for both.
    void track(
      uploadImages(api, path, files).then((result) => {
        if ('message' in result) setNotice(result.message);
        else insertContent(position, result.nodes);
      }),
    );
  };

  // The editor reads its content once, when it is made: not converted again at each render.
  const content = useMemo(() => softBreaksToNodes(parsed.doc), [parsed]);
  const editor = useEditor(
    {
      extensions,
      content,
      editable: writable,
      // Nothing listens for delete events, and the core extension replays every transaction's steps in a task of its own to emit them.
      enableCoreExtensions: { delete: false },
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-label': 'Document',
          'aria-multiline': 'true',
          class: 'document-body',
          spellcheck: 'true',
        },
        transformPastedHTML: sanitizeHtml,
        handleKeyDown: (view, event) => {
          return link.onKeyDown(view.state, event) || suggestionRef.current.onKeyDown(event);
        },
        handlePaste: (view, event) => {
          const files = imageFiles(event.clipboardData?.files);
          if (files.length === 0) return false;
          insertImagesAt(files, view.state.selection.from);
          return true;
        },
        handleDrop: (view, event, _slice, moved) => {
          const files = imageFiles(event.dataTransfer?.files);
          if (moved || files.length === 0) return false;
          const position =
            view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? view.state.selection.from;
          event.preventDefault();
          insertImagesAt(files, position);
          return true;
        },
        handleClickOn: (_view, _pos, _node, _nodePos, event) => linkClicks.onClick(event),
      },
      onUpdate: ({ editor: instance }) => {
        session.markDirty(instance.state.doc);
        window.clearTimeout(completenessTimer.current);
        completenessTimer.current = window.setTimeout(
          // The same sections filled: the page is not rendered again for it.
          () => setCompleteness(sameCompleteness(completenessOf(instance.state.doc, outlineRef.current))),
          600,
        );
      },
      onTransaction: ({ editor: instance }) => suggestionRef.current.update(instance),
      onSelectionUpdate: ({ editor: instance }) => {
        const { $from } = instance.state.selection;
        for (let depth = $from.depth; depth > 0; depth--) {
          const node = $from.node(depth);
          if (node.type.name === 'requirement') return onSelectRequirement(String(node.attrs.key));
        }
        onSelectRequirement(undefined);
      },
    },
    [extensions],
  );
  editorRef.current = editor;
  // Files came or went: links that were broken may open now, and the other way round.
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(refreshBrokenLinks(editor.state.tr));
  }, [editor, workspace.names, path]);
  useEffect(() => {
    if (editor && !editor.isDestroyed)
      editor.view.dispatch(editor.state.tr.setMeta(commentQuotesKey, 'refresh'));
  }, [editor, quotes]);
  // The mode can change under an open document: a server back from a disconnect read-only (or with --write).
  useEffect(() => {
    if (editor && editor.isEditable !== writable) editor.setEditable(writable);
  }, [editor, writable]);

  useEffect(() => {
    session.attachEditor(editor);
    return () => session.attachEditor(null);
  }, [editor, session.attachEditor]);

  // A reload from disk, or a type or template known only now: weigh the document again, mark its examples.
  useEffect(() => {
    if (!editor) return;
    setCompleteness(completenessOf(editor.state.doc, outline));
    editor.view.dispatch(editor.state.tr.setMeta(templateExamplesKey, 'refresh'));
  }, [editor, parsed, outline]);

  // A document created a moment ago: select its placeholder title so typing replaces it, or, for a
  // note named in its form, put the caret in the body (the form that had the focus is gone).
  useEffect(() => {
    const caret = freshlyCreated.get(path);
    if (caret === 'title') {
      freshlyCreated.delete(path);
      titleInput.current?.focus();
      titleInput.current?.select();
    } else if (caret === 'body' && editor && !editor.isDestroyed) {
      freshlyCreated.delete(path);
      moveToBodyStart(editor);
    }
  }, [path, editor]);

  useEffect(() => {
    if (!line || !fullEntry || !editor) return;
    const requirement = fullEntry.requirements.find(
      (candidate) => candidate.line <= line && line <= candidate.endLine,
    );
    const heading = fullEntry.headings.filter((candidate) => candidate.line <= line).at(-1);
    const root = editor.view.dom;
    const target = requirement
      ? root.querySelector(`[data-requirement="${CSS.escape(requirement.key)}"]`)
      : heading
        ? Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6')).find(
            (element) => element.textContent?.trim() === headingPlainText(heading.text),
          )
        : undefined;
    target?.scrollIntoView({ block: 'center' });
    if (requirement) onSelectRequirement(requirement.key);
  }, [line, fullEntry, editor, onSelectRequirement]);

  // The place a link in this document went to already (`go`), so the new address does not jump again.
  const revealedHere = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!anchor || !editor) return;
    if (revealedHere.current === anchor) return void (revealedHere.current = undefined);
    return revealAnchor(editor.view, anchor);
  }, [anchor, editor]);

  useEffect(() => {
    if (!requirement || !editor) return;
    return revealRequirement(editor.view.dom, requirement, onSelectRequirement);
  }, [requirement, editor, onSelectRequirement]);

  const commentRequests = useCommentRequests();
  const panelToggle = useSidePanelToggle(useCommentCounts(api), entry?.key);
  const canComment = (workspace.info?.canComment ?? writable) && entry?.key !== undefined;
  const commentHere = () => {
    if (editor && entry?.key && commentRequests) commentRequests.request(commentTarget(editor, entry.key));
  };
  useCommentShortcut(canComment, commentHere);
  const byPath = workspace.byPath;
  const exists = useCallback((other: string) => byPath.has(other), [byPath]);

  // Properties and card fields are choices, not typing: they save at once instead of after a pause.
  const { saveNow, setFields } = session;
  const commit = useCallback(() => void saveNow(), [saveNow]);
  const setFieldsNow = useCallback(
    (changes: Record<string, unknown>) => {
      setFields(changes);
      commit();
    },
    [setFields, commit],
  );
  // A new value would re-render every node view in the document on each save-state change.
  // A link to a place in this document glides there (the address may name it already).
  const go = useCallback(
    (hash: string) => {
      const route = parseRoute(hash);
      const editor = editorRef.current;
      if (route.name === 'doc' && route.path === path && route.anchor && editor) {
        revealAnchor(editor.view, route.anchor, true);
        if (hash !== window.location.hash) revealedHere.current = route.anchor;
      }
      navigate(hash);
    },
    [navigate, path],
  );
  goRef.current = go;
  const pageContext = useMemo(
    () => ({ path, navigate: go, onSelectRequirement, commit, api, extensionsFor: createEditorExtensions }),
    [path, go, onSelectRequirement, commit, api],
  );

  return (
    <EditorPageContext.Provider value={pageContext}>
      <article className="document-page" aria-busy={session.busy || undefined}>
        <header className="document-header">
          <DocumentMeta
            type={type}
            entry={entry}
            path={path}
            writable={writable}
            workspace={workspace}
            fields={session.fields}
            status={session.status}
            setFields={setFieldsNow}
            api={api}
            saveNow={saveNow}
            reload={session.reloadFromDisk}
            savedVersion={session.savedVersion}
            memo={session.memo}
            canComment={canComment}
            onComment={commentHere}
            panelToggle={panelToggle}
          />
          <TitleField
            api={api}
            path={path}
            type={type}
            fields={session.fields}
            writable={writable}
            inputRef={titleInput}
            exists={exists}
            setFields={session.setFields}
            rename={session.rename}
            currentPath={session.currentPath}
            onEnter={() => editor && moveToBodyStart(editor)}
          />
          {entry && (entry.type === 'spec' || entry.type === 'story') && (
            <SignOffBar
              api={api}
              workspace={workspace}
              entry={entry}
              fields={session.fields}
              writable={writable}
              saveFirst={session.saveNow}
              reload={session.reloadFromDisk}
            />
          )}
          {session.status === 'failed' || session.status === 'deleted' ? (
            <p className="inline-error" role="alert">
              {session.message}
            </p>
          ) : null}
          {notice && (
            <p className="inline-error" role="alert">
              {notice}
            </p>
          )}
          {linkClicks.notice}
          {copyHint}
          <DuplicateKeyBanner
            path={path}
            workspace={workspace}
            editor={editor}
            editable={writable}
            setFields={setFieldsNow}
            commit={commit}
          />
          {session.recovered && writable && (
            <RestoreBanner
              backup={session.recovered}
              onRestore={session.restoreBackup}
              onDiscard={session.discardBackup}
            />
          )}
          {session.theirs && (
            <ConflictBanner
              mine={session.currentText}
              theirs={session.theirs.text}
              onKeepMine={session.keepMine}
              onTakeTheirs={session.takeTheirs}
              onKeepBoth={() => void keepBoth()}
              fromOtherWindow={session.changedByOtherWindow}
            />
          )}
          {parsed.split.frontMatter?.error && (
            <p className="inline-error" role="alert">
              Front matter line {parsed.split.frontMatter.error.line}:{' '}
              {parsed.split.frontMatter.error.message}
            </p>
          )}
          <DocumentDetails
            type={type}
            fields={session.fields}
            workspace={workspace}
            writable={writable}
            onChange={setFieldsNow}
            completeness={completeness}
          />
        </header>
        {editor && writable && (
          <EditorToolbar
            editor={editor}
            workspace={workspace}
            requirements={type === 'spec'}
            onLink={link.open}
          />
        )}
        <EditorContent editor={editor} className="editor-surface" />
        <MarkdownLinkPreview editor={editor} />
        {suggestion.popup}
        {link.dialog}
      </article>
    </EditorPageContext.Provider>
  );
}
