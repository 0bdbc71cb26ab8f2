/**
 * What the contract's comment methods take and answer (review threads in `reviews/<KEY>.md`). Kept
 * beside apiContract.ts, which lists them; their writes are the only ones a read-only
 * `specbench serve --comments` accepts.
 */
import { z } from 'zod';
import { maxCommentBytes, maxQuoteLength, type ReviewThread } from '../review/reviewFile.js';

const keyArgument = z
  .string()
  .regex(/^[A-Z][A-Z0-9]*-[0-9]+$/)
  .max(64);
const slugArgument = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^"\s]+$/);

export const commentAnchorSchema = z.union([
  z.object({ kind: z.literal('key'), key: keyArgument }).strict(),
  z.object({ kind: z.literal('heading'), slug: slugArgument }).strict(),
  z
    .object({
      kind: z.literal('text'),
      quote: z.string().trim().min(1).max(maxQuoteLength),
      slug: slugArgument.optional(),
    })
    .strict(),
]);

/** Who writes: typed once in the browser; the git user (user.name, user.email) when left out, but never on a `serve --comments`. */
const authorArgument = z
  .object({ name: z.string().trim().min(1).max(200), email: z.string().trim().max(320).optional() })
  .strict();
const bodyArgument = z.string().max(maxCommentBytes);

export const listCommentsArguments = z.object({ document: keyArgument }).strict();
export const addCommentArguments = z
  .object({
    document: keyArgument,
    anchor: commentAnchorSchema,
    /** How the thread's `##` line reads in the file (`REQ-12`, `“Problem”`). */
    label: z.string().trim().min(1).max(300),
    body: bodyArgument,
    author: authorArgument.optional(),
  })
  .strict();
export const addCommentEntryArguments = z
  .object({
    document: keyArgument,
    thread: z.string().regex(/^t-[a-z0-9]{1,40}$/),
    /** A reply, or a resolve or reopen of the thread (with an optional note). */
    action: z.enum(['comment', 'resolved', 'reopened']),
    body: bodyArgument,
    author: authorArgument.optional(),
  })
  .strict();

export type CommentThreadView = ReviewThread;
