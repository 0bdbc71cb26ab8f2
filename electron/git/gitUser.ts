/** Who the git user is in a workspace's repository (user.name, user.email): the name an approval records. */
import { GitMissingError, runGit } from './gitCommand.js';

export type GitUser = { ok: true; name: string; email?: string } | { ok: false; message: string };

export async function gitUser(root: string): Promise<GitUser> {
  try {
    const [name, email] = await Promise.all(
      ['user.name', 'user.email'].map((key) => runGit(['config', '--get', key], { cwd: root })),
    );
    const userName = name!.ok ? name!.stdout.trim() : '';
    if (userName === '') {
      return {
        ok: false,
        message:
          'Git does not know your name yet, and an approval records who gave it: give it under Changes (Your name for commits), or run git config user.name "Your Name".',
      };
    }
    const userEmail = email!.ok ? email!.stdout.trim() : '';
    return userEmail === '' ? { ok: true, name: userName } : { ok: true, name: userName, email: userEmail };
  } catch (error) {
    if (error instanceof GitMissingError)
      return { ok: false, message: `Approving needs git: ${error.message}.` };
    throw error;
  }
}
