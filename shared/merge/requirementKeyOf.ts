/** The key a requirement block opens with (`:::requirement{#REQ-12 …}`), or undefined for any other block. */
export function requirementKeyOf(block: string): string | undefined {
  return /^:::requirement\{#([A-Z][A-Z0-9]*-[0-9]+)(?=[\s}])/.exec(block)?.[1];
}
