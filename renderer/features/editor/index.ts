/**
 * What other features may use of the editor: its page, its rendering of Markdown read-only, and the
 * fresh key it gives a duplicate.
 */
export { DocumentEditor } from './DocumentEditor.js';
export { ReadOnlyMarkdown } from './ReadOnlyMarkdown.js';
export { flashAnchorTarget } from './AnchorHighlight.js';
export { ReviewedChanges } from './ReviewedChanges.js';
export { RekeyedLinkNotice } from './RekeyedLinkNotice.js';
export { freshKey } from './duplicateKeys.js';
export { holdsOnlyExample, templateOutline } from './completeness.js';
