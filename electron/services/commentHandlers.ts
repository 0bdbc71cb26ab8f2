/** The contract's comment methods over one open workspace: review threads in `reviews/<KEY>.md`. */
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/apiContract.js';
import type { CommentAuthor } from '../../shared/review/reviewFile.js';
import type { CommentWriteResult } from '../engine/commentStore.js';
import type { Workspace } from '../engine/workspace.js';
import { gitUser } from '../git/gitUser.js';

type CommentMethod =
  'listComments' | 'listAllComments' | 'commentCounts' | 'commentAuthor' | 'addComment' | 'addCommentEntry';
type CommentHandlers = {
  [M in Extract<MethodName, CommentMethod>]: (
    input: MethodInput<M>,
  ) => Promise<MethodOutput<M>> | MethodOutput<M>;
};
type Refusal = { ok: false; error: string; message: string };

/**
 * `commentable`: whether comments may be written now; a read-only `serve --comments` says yes while
 * every other write is refused. `gitAuthor`: whether a comment without a name is the git user's (the
 * desktop app, a single user's `serve --write`); a `serve --comments` is shared with reviewers on
 * other machines, and a request cannot tell the owner from them, so there everyone names themselves.
 */
export function commentHandlers(
  workspace: Workspace,
  commentable: () => Refusal | undefined,
  gitAuthor: boolean,
): CommentHandlers {
  const owner = async (): Promise<CommentAuthor | undefined> => {
    if (!gitAuthor) return undefined;
    const user = await gitUser(workspace.root);
    if (!user.ok) return undefined;
    return user.email ? { name: user.name, email: user.email } : { name: user.name };
  };
  const author = async (given: CommentAuthor | undefined): Promise<CommentAuthor | Refusal> => {
    if (given) return given;
    return (
      (await owner()) ?? {
        ok: false,
        error: 'no-author',
        message: 'Say who you are: type your name before commenting.',
      }
    );
  };
  const documentOf = (key: string): Refusal | undefined => {
    const entry = workspace.document(key);
    return entry?.key === key
      ? undefined
      : { ok: false, error: 'not-found', message: `There is no document ${key} to comment on.` };
  };
  const finish = (result: CommentWriteResult) =>
    result.ok ? { ok: true as const, thread: result.thread } : result;
  return {
    listComments: ({ document }) => ({ threads: workspace.comments.threads(document) }),
    listAllComments: () => ({ documents: workspace.comments.threadsByDocument() }),
    commentCounts: () => workspace.comments.unresolvedCounts(),
    commentAuthor: async () => (await owner()) ?? {},
    addComment: async ({ document, anchor, label, body, author: given }) => {
      const refused = commentable() ?? documentOf(document);
      if (refused) return refused;
      const who = await author(given);
      if ('ok' in who) return who;
      return finish(await workspace.comments.addThread(document, anchor, label, body, who));
    },
    addCommentEntry: async ({ document, thread, action, body, author: given }) => {
      const refused = commentable();
      if (refused) return refused;
      const who = await author(given);
      if ('ok' in who) return who;
      return finish(await workspace.comments.addEntry(document, thread, body, who, action));
    },
  };
}
