/**
 * A key this document shares with another (two branches merged, a file copied): says where, and
 * gives this one a fresh key with one click. Links to the key keep meaning the other.
 */
import { listInWords } from '../../../shared/model/listInWords.js';
import type { Editor } from '@tiptap/core';
import { useMemo } from 'react';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { requirementKeysIn } from './editorCommands.js';
import { duplicateKeysOf, freshKey, type DuplicateKey } from './duplicateKeys.js';
import './restoreBanner.css';

interface DuplicateKeyBannerProps {
  path: string;
  workspace: WorkspaceState;
  editor: Editor | null;
  editable: boolean;
  /** Changes front-matter fields and saves at once. */
  setFields: (changes: Record<string, unknown>) => void;
  /** Saves what the editor changed, at once. */
  commit: () => void;
}

export function DuplicateKeyBanner({
  path,
  workspace,
  editor,
  editable,
  setFields,
  commit,
}: DuplicateKeyBannerProps) {
  const { documents, roadmap } = workspace;
  const duplicates = useMemo(() => duplicateKeysOf(path, documents, roadmap), [path, documents, roadmap]);
  if (duplicates.length === 0) return null;

  // New keys for some of the duplicates, in one edit and one save; links keep meaning the others.
  const giveNewKeys = (chosen: readonly DuplicateKey[]) => {
    const inUse = [
      ...documents.flatMap((document) => [
        ...(document.key ? [document.key] : []),
        ...document.requirements.map((requirement) => requirement.key),
      ]),
      ...roadmap.map((item) => item.key),
      ...(editor ? requirementKeysIn(editor) : []),
    ];
    let documentKey: string | undefined;
    const requirementKeys = new Map<number, string>();
    for (const duplicate of chosen) {
      const key = freshKey(duplicate.key, inUse);
      inUse.push(key);
      if (duplicate.kind === 'document') documentKey = key;
      else if (editor) {
        // The last card with the key in this document: with both uses here, the first keeps it.
        let target: number | undefined;
        editor.state.doc.forEach((node, offset) => {
          if (node.type.name === 'requirement' && node.attrs.key === duplicate.key) target = offset;
        });
        if (target !== undefined) requirementKeys.set(target, key);
      }
    }
    if (editor && requirementKeys.size > 0) {
      editor.commands.command(({ tr }) => {
        for (const [position, key] of requirementKeys) tr.setNodeAttribute(position, 'key', key);
        return true;
      });
    }
    if (documentKey !== undefined) setFields({ key: documentKey });
    else commit();
  };

  const name = (duplicate: DuplicateKey) =>
    duplicate.kind === 'document' ? `This document's key ${duplicate.key}` : `Requirement ${duplicate.key}`;
  if (duplicates.length === 1) {
    const duplicate = duplicates[0]!;
    return (
      <div className="restore-banner" role="alert" aria-label="Duplicate keys">
        <p>
          <strong>{name(duplicate)}</strong> is also used by {placesOf(duplicate, path)}, so links to{' '}
          {duplicate.key} can reach either.
        </p>
        {editable && (
          <button type="button" className="primary" onClick={() => giveNewKeys(duplicates)}>
            Give this one a new key
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="restore-banner duplicate-banner" role="alert" aria-label="Duplicate keys">
      <div className="duplicate-row">
        <p>
          <strong>{duplicates.length} keys here are also used elsewhere</strong>, so links to them can reach
          either.
        </p>
        {editable && (
          <button type="button" className="primary" onClick={() => giveNewKeys(duplicates)}>
            Give all {duplicates.length} new keys
          </button>
        )}
      </div>
      <ul className="duplicate-list">
        {duplicates.map((duplicate) => (
          <li key={duplicate.key} className="duplicate-row">
            <p>
              <strong>{name(duplicate)}</strong>, also in {placesOf(duplicate, path)}
            </p>
            {editable && (
              <button type="button" onClick={() => giveNewKeys([duplicate])}>
                Give this one a new key
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function placesOf(duplicate: DuplicateKey, path: string): string {
  const places = duplicate.elsewhere.map((place) =>
    place === path ? 'another block in this document' : place,
  );
  return listInWords(places);
}
