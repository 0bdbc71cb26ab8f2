/** Clear, one-sentence messages for JSON files users edit by hand (`roadmap.json`, `specbench.json`). */
import type { z } from 'zod';

/** `roadmap.json is not valid JSON (line 3): Expected double-quoted property name.` */
export function jsonSyntaxMessage(fileName: string, text: string, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  const position = /at position ([0-9]+)/.exec(reason);
  const line = position ? lineAt(text, Number(position[1])) : lineAt(text, text.length);
  const cleaned = reason
    .replace(/ in JSON at position [0-9]+.*$/, '')
    .replace(/ \(line [0-9]+ column [0-9]+\)$/, '');
  return `${fileName} is not valid JSON (line ${line}): ${cleaned}.`;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1))
    line++;
  return line;
}

/** Names the field first, then says what is wrong with it: `specbench.json: rules.broken-link must be one of …`. */
export function schemaIssueMessage(
  fileName: string,
  issue: z.core.$ZodIssue,
  describeField = fieldPath,
): string {
  const field = describeField(issue.path);
  return `${field === '' ? fileName : `${fileName}: ${field}`} ${issueText(issue)}.`;
}

/** `items[2].rice.impact` */
export function fieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text;
}

function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of ${issue.values.map(formatValue).join(', ')}`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(formatValue).join(', ')}`;
    case 'invalid_union': {
      const literals = issue.errors.map((branch) =>
        branch.length === 1 && branch[0]!.code === 'invalid_value' ? branch[0]!.values : undefined,
      );
      if (literals.every((values) => values !== undefined))
        return `must be one of ${literals.flat().map(formatValue).join(', ')}`;
      return 'is not valid';
    }
    case 'invalid_type':
      return `must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    default:
      return issue.message.replace(/^Invalid input: /, '').replace(/^Invalid string: /, '');
  }
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}
