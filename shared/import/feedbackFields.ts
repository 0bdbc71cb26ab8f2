/** The fields a feedback note can take from a CSV column (the CLI's `--map COLUMN=FIELD`, the app's pickers). */
export const feedbackFields = [
  'text',
  'title',
  'customer',
  'segment',
  'source',
  'date',
  'url',
  'about',
] as const;
export type FeedbackField = (typeof feedbackFields)[number];
