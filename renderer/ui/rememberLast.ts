/**
 * A function that remembers its last answer: a view over the whole workspace (the trace matrix of
 * 50,000 requirements) is computed once per change of its inputs, not on every visit.
 */
export function rememberLast<Args extends readonly unknown[], Result>(
  compute: (...args: Args) => Result,
): (...args: Args) => Result {
  let last: { args: Args; result: Result } | undefined;
  return (...args) => {
    if (last && last.args.length === args.length && last.args.every((value, index) => value === args[index]))
      return last.result;
    last = { args, result: compute(...args) };
    return last.result;
  };
}
