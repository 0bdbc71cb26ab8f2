// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createEditorExtensions } from './editorExtensions.js';

// jsdom has no contentEditable property; a browser's reflects the attribute ('inherit' when absent).
Object.defineProperty(HTMLElement.prototype, 'contentEditable', {
  configurable: true,
  get(this: HTMLElement) {
    const value = this.getAttribute('contenteditable');
    return value === null ? 'inherit' : value === '' ? 'true' : value;
  },
  set(this: HTMLElement, value: string) {
    this.setAttribute('contenteditable', value);
  },
});

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

function mount(): HTMLElement {
  const element = document.createElement('div');
  document.body.append(element);
  editor = new Editor({
    element,
    extensions: createEditorExtensions('specs/document.md'),
    content: '<p>Typed text</p>',
  });
  return editor.view.dom;
}

describe('the editor root as React sees it', () => {
  it('is no contenteditable of React’s (no selection walk per commit), while the browser still edits it', () => {
    const root = mount();
    // React measures and restores the selection of an element whose contentEditable is 'true'.
    expect(root.contentEditable).not.toBe('true');
    expect(root.getAttribute('contenteditable')).toBe('true');
  });

  it('still answers false when read-only, and is itself again once the editor is gone', () => {
    const root = mount();
    editor!.setEditable(false);
    expect(root.getAttribute('contenteditable')).toBe('false');
    expect(root.contentEditable).toBe('false');
    editor!.setEditable(true);
    expect(root.contentEditable).not.toBe('true');
    editor!.destroy();
    root.setAttribute('contenteditable', 'true');
    expect(root.contentEditable).toBe('true');
  });
});
