/** The documents a successful write call changed, as other pages should hear of them. */
export function writtenPaths(input: unknown, result: unknown): string[] {
  if (!isRecord(result) || result.ok !== true || !isRecord(input)) return [];
  const paths = [input.path, result.path, ...(Array.isArray(result.updatedFiles) ? result.updatedFiles : [])];
  return [...new Set(paths.filter((each): each is string => typeof each === 'string'))];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
