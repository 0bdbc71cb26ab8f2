/** What other parts may use of Changes: its page, and its words for what changed in a file. */
export { ChangesPage } from './ChangesPage.js';
export { changeLabels } from './ChangedFiles.js';
