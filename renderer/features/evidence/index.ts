/** What other features and the app use of the evidence feature: its views, and evidence per key for the roadmap. */
export { FeedbackInbox } from './FeedbackInbox.js';
export { NewFeedbackNote } from './NewFeedbackNote.js';
export { EvidencePanel } from './EvidencePanel.js';
export { evidenceByKey, evidenceCount, evidenceOf, type EvidenceSummary } from './evidenceSummary.js';
export { MetricsView } from './MetricsView.js';
export { ReleasePage } from './ReleasePage.js';
export { ReleasesPage } from './ReleasesPage.js';
export { ItemReleases } from './ItemReleases.js';
