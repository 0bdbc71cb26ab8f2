/** What other parts may use of Comments: the workspace-wide page and a document's panel. */
export { CommentsPage } from './CommentsPage.js';
export { CommentsPanel } from './CommentsPanel.js';
