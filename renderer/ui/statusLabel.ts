/** `in-progress` → `In progress`, for statuses and priorities shown as chips and options. */
export function statusLabel(value: string): string {
  const words = value.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
