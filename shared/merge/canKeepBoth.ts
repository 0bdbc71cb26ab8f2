import { isMarkdownPath } from './mergeFile.js';

/** Whether "Keep both" makes sense: two body blocks can stand side by side, two values of one field cannot. */
export function canKeepBoth(file: string, what: string): boolean {
  return isMarkdownPath(file) && !what.startsWith('front matter');
}
