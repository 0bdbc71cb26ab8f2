/** How large a CSV an import takes, and the one line that refuses a larger one: the CLI, the server and the app say the same. */
export const csvByteLimit = 10 * 1024 * 1024;

export function tooLargeMessage(size: number, name: string): string {
  return `${name} is ${megabytes(size)}, more than the ${megabytes(csvByteLimit)} an import takes; split it or export fewer rows`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes >= 100 * 1024 * 1024 ? 0 : 1).replace(/\.0$/, '')} MB`;
}
