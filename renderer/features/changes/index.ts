/** What other parts may use of Changes: its page. */
export { ChangesPage } from './ChangesPage.js';
