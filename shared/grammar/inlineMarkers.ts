/** Inline markers of Obsidian-style notes that stay plain text in the file: `==highlights==` and `#tags`. */

/** `==text==`: not empty, not starting or ending with a space (Obsidian's reading). */
export function highlightPattern(): RegExp {
  return /==(?=[^\s=])([^\n]*?[^\s=])==/g;
}

/**
 * `#tag`, `#area/sub-tag` after a space or at the start; at least one character that is not a digit.
 * Group 1 is what precedes it, group 2 the tag with its `#`, group 3 the tag's name.
 */
export function tagPattern(): RegExp {
  return /(^|\s)(#([\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*))/gu;
}
