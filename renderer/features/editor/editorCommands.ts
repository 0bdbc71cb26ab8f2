/** Editor actions shared by the toolbar, the slash menu and the palette: requirements, images, blocks. */
import type { Editor, JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { nextKey } from '../../../shared/model/keys.js';
import { relativeAssetLink } from './assetPaths.js';

/** Requirement keys in the editor's current document (not yet indexed by the workspace). */
export function requirementKeysIn(editor: Editor): string[] {
  const keys: string[] = [];
  editor.state.doc.forEach((node) => {
    if (node.type.name === 'requirement') keys.push(String(node.attrs.key));
  });
  return keys;
}

/** Where the Requirements section starts (its heading) and ends (at the next heading of its level or above). */
export function requirementsSection(doc: ProseMirrorNode): { start: number; end: number } | undefined {
  let level: number | undefined;
  let start: number | undefined;
  let end: number | undefined;
  doc.forEach((node, offset) => {
    if (end !== undefined || node.type.name !== 'heading') return;
    const nodeLevel = Number(node.attrs.level ?? 1);
    if (level === undefined) {
      if (node.textContent.trim().toLowerCase() === 'requirements') {
        level = nodeLevel;
        start = offset;
      }
    } else if (nodeLevel <= level) {
      end = offset;
    }
  });
  return start === undefined ? undefined : { start, end: end ?? doc.content.size };
}

/**
 * Inserts a new requirement card as a top-level block at the cursor and puts the cursor in its body;
 * with the cursor outside the Requirements section (in a table, under Success metrics) or the editor
 * not in use yet (the toolbar pressed first), at the end of the Requirements section: a card written
 * elsewhere left that section empty in Problems.
 */
export function insertRequirement(editor: Editor, prefix: string, workspaceKeys: Iterable<string>): string {
  const key = nextKey(prefix, [...workspaceKeys, ...requirementKeysIn(editor)]);
  const node: JSONContent = {
    type: 'requirement',
    attrs: { key, priority: 'must', status: 'draft', roadmap: [], extra: [] },
    content: [{ type: 'paragraph' }],
  };
  const section = requirementsSection(editor.state.doc);
  const cursor = editor.state.selection.from;
  const inside = section !== undefined && cursor >= section.start && cursor <= section.end;
  if (section !== undefined && (!editor.isFocused || !inside)) {
    const sectionEnd = section.end;
    editor
      .chain()
      .insertContentAt(sectionEnd, node)
      .setTextSelection(sectionEnd + 2)
      .scrollIntoView()
      .focus()
      .run();
    return key;
  }
  const { doc, selection } = editor.state;
  const { $from } = selection;
  const top = $from.depth >= 1 ? $from.node(1) : undefined;
  const replaceEmpty = top?.type.name === 'paragraph' && top.content.size === 0;
  // After the block holding the cursor (or the block selected whole), and after the guidance under it.
  const start = replaceEmpty ? $from.before(1) : afterGuidance(doc, top ? $from.after(1) : selection.to);
  const range = replaceEmpty ? { from: start, to: $from.after(1) } : start;
  editor
    .chain()
    .insertContentAt(range, node)
    .setTextSelection(start + 2)
    .scrollIntoView()
    .focus()
    .run();
  return key;
}

/** `position`, moved past the template's guidance notes (HTML comments) that follow it. */
function afterGuidance(doc: ProseMirrorNode, position: number): number {
  for (let next = doc.nodeAt(position); next && isGuidance(next); next = doc.nodeAt(position)) {
    position += next.nodeSize;
  }
  return position;
}

function isGuidance(node: ProseMirrorNode): boolean {
  return node.type.name === 'rawBlock' && /^<!--[\s\S]*-->$/.test(String(node.attrs.source).trim());
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the image.'));
    reader.readAsDataURL(file);
  });
}

export function imageFiles(list: FileList | null | undefined): File[] {
  return Array.from(list ?? []).filter((file) => /^image\/(png|jpeg|gif|webp)$/.test(file.type));
}

/** Saves each image under assets/; answers the image nodes that link to them from `documentPath`, or why not. */
export async function uploadImages(
  api: SpecbenchApi,
  documentPath: string,
  files: File[],
): Promise<{ nodes: JSONContent[] } | { message: string }> {
  const nodes: JSONContent[] = [];
  for (const file of files) {
    const extension = file.type.split('/')[1] === 'jpeg' ? 'jpg' : file.type.split('/')[1];
    const name = file.name && file.name !== 'image.png' ? file.name : `pasted-${Date.now()}.${extension}`;
    const result = await api.saveAsset({ name, base64: await readBase64(file) }).catch((error: unknown) => ({
      ok: false as const,
      message: `The image was not saved: ${String(error)}`,
    }));
    if (!result.ok) return { message: result.message };
    nodes.push({
      type: 'image',
      attrs: { src: relativeAssetLink(documentPath, result.path), alt: name.replace(/\.[^.]+$/, '') },
    });
  }
  return { nodes };
}

export interface BlockCommand {
  id: string;
  title: string;
  keywords: string;
  run: (editor: Editor) => void;
}

export const blockCommands: BlockCommand[] = [
  {
    id: 'h2',
    title: 'Heading',
    keywords: 'heading h2 section',
    run: (editor) => editor.chain().focus().setHeading({ level: 2 }).run(),
  },
  {
    id: 'h3',
    title: 'Subheading',
    keywords: 'heading h3 subsection',
    run: (editor) => editor.chain().focus().setHeading({ level: 3 }).run(),
  },
  {
    id: 'bullets',
    title: 'Bulleted list',
    keywords: 'list bullet ul',
    run: (editor) => editor.chain().focus().toggleBulletList().run(),
  },
  {
    id: 'numbers',
    title: 'Numbered list',
    keywords: 'list numbered ordered ol',
    run: (editor) => editor.chain().focus().toggleOrderedList().run(),
  },
  {
    id: 'tasks',
    title: 'Task list',
    keywords: 'task todo checklist acceptance criteria',
    run: (editor) => editor.chain().focus().toggleTaskList().run(),
  },
  {
    id: 'quote',
    title: 'Quote',
    keywords: 'quote blockquote',
    run: (editor) => editor.chain().focus().toggleBlockquote().run(),
  },
  {
    id: 'code',
    title: 'Code block',
    keywords: 'code fence',
    run: (editor) => editor.chain().focus().toggleCodeBlock().run(),
  },
  {
    id: 'table',
    title: 'Table',
    keywords: 'table grid',
    run: (editor) => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
  },
  {
    id: 'rule',
    title: 'Divider',
    keywords: 'rule divider hr line',
    run: (editor) => editor.chain().focus().setHorizontalRule().run(),
  },
];

export function filterBlockCommands<T extends { title: string; keywords: string }>(
  commands: readonly T[],
  query: string,
): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((command) => {
    const haystack = `${command.title} ${command.keywords}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
