/** What other features may use of the editor: its page, and its rendering of Markdown read-only. */
export { DocumentEditor } from './DocumentEditor.js';
export { ReadOnlyMarkdown } from './ReadOnlyMarkdown.js';
