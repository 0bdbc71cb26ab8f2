/**
 * The editor's document as the codec reads it (soft breaks back as "\n"), built block by block: a
 * top-level node unchanged since the last save is the same ProseMirror node, so its JSON is reused,
 * frozen, and the codec remembers its fingerprint. Autosave and backups of a long spec then convert
 * and compare only the blocks that were edited instead of the whole document on the main thread.
 */
import type { JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { softBreaksToText } from './softBreak.js';

const blockJson = new WeakMap<ProseMirrorNode, JSONContent>();

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}

/** `softBreaksToText(doc.toJSON())`, with each top-level block's JSON made once and frozen. */
export function documentJson(doc: ProseMirrorNode): JSONContent {
  const content: JSONContent[] = [];
  doc.forEach((node) => {
    let json = blockJson.get(node);
    if (!json) {
      json = deepFreeze(softBreaksToText(node.toJSON() as JSONContent));
      blockJson.set(node, json);
    }
    content.push(json);
  });
  const whole: JSONContent = { type: doc.type.name };
  if (Object.keys(doc.attrs).length > 0) whole.attrs = { ...doc.attrs };
  if (content.length > 0) whole.content = content;
  return whole;
}
