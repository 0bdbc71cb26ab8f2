/**
 * The line a YAML error belongs to, as a person reading the file would point at it. The parser
 * reports where it noticed the problem, which for a quote or bracket left open is the line after
 * (or the end of the front matter); the mistake is where the open construct starts.
 */
import { Parser } from 'yaml';

interface Token {
  type?: unknown;
  offset?: unknown;
  source?: unknown;
  end?: unknown;
}

/** 1-based line within `yaml` of the error the parser reports at `position` (an offset into `yaml`). */
export function yamlErrorLine(yaml: string, position: number): number {
  const start = openConstructBefore(yaml, position) ?? position;
  let line = 1;
  for (let index = yaml.indexOf('\n'); index !== -1 && index < start; index = yaml.indexOf('\n', index + 1))
    line++;
  return line;
}

/**
 * The offset of the last quoted scalar or flow collection left open that starts before `position`.
 * The token tree is walked with a stack of its own: a YAML bomb nests 50,000 flow lists, deeper than
 * the call stack goes. Undefined also when the tokens cannot be read at all.
 */
function openConstructBefore(yaml: string, position: number): number | undefined {
  let found: number | undefined;
  try {
    const pending: unknown[] = [...new Parser().parse(yaml)];
    while (pending.length > 0) {
      const value = pending.pop();
      if (Array.isArray(value)) {
        pending.push(...value);
        continue;
      }
      if (value === null || typeof value !== 'object') continue;
      const token = value as Token;
      if (typeof token.offset === 'number' && token.offset < position && isOpen(token))
        found = Math.max(found ?? -1, token.offset);
      for (const inner of Object.values(value)) if (typeof inner === 'object') pending.push(inner);
    }
  } catch {
    return undefined;
  }
  return found;
}

function isOpen(token: Token): boolean {
  if (token.type === 'flow-collection')
    return !(Array.isArray(token.end) && (token.end as Token[]).some((end) => isFlowEnd(end.type)));
  if (typeof token.source !== 'string') return false;
  if (token.type === 'double-quoted-scalar') {
    const closing = /(\\*)"$/.exec(token.source.slice(1));
    return closing === null || closing[1]!.length % 2 === 1;
  }
  if (token.type === 'single-quoted-scalar') {
    // Inside single quotes '' is a quote: the closing one leaves an odd run at the end.
    const run = /'*$/.exec(token.source.slice(1))![0].length;
    return run % 2 === 0;
  }
  return false;
}

function isFlowEnd(type: unknown): boolean {
  return type === 'flow-seq-end' || type === 'flow-map-end';
}
