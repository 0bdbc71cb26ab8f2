/** The dialog's choices as a contract call, and the finished file as something the browser can save. */
import type {
  ExportedFile,
  MethodInput,
  exportFormatNames,
  exportPartNames,
} from '../../../shared/contract/apiContract.js';

export type ExportFormat = (typeof exportFormatNames)[number];
export type ExportPart = (typeof exportPartNames)[number];

export interface ExportChoices {
  scope: 'all' | 'chosen';
  /** The chosen documents' paths, of any kind: specs, stories, notes, RFCs. */
  documents: readonly string[];
  format: ExportFormat;
  parts: readonly ExportPart[];
}

export const formatLabels: Record<ExportFormat, string> = {
  pdf: 'PDF',
  html: 'HTML (one file)',
  md: 'Markdown (one file)',
  zip: 'Markdown (zip of files)',
};

export const partLabels: Record<ExportPart, string> = {
  stories: 'Stories',
  faqs: 'FAQs',
  roadmap: 'Roadmap items',
  matrix: 'Traceability matrix',
  comments: 'Unresolved comments',
};

/** The call to make, or why the choices cannot be exported yet. */
export function exportRequest(
  choices: ExportChoices,
  exportId: string,
): { ok: true; input: MethodInput<'exportBundle'> } | { ok: false; message: string } {
  if (choices.scope === 'chosen' && choices.documents.length === 0) {
    return { ok: false, message: 'Choose at least one document.' };
  }
  return {
    ok: true,
    input: {
      exportId,
      ...(choices.scope === 'all'
        ? { specs: 'all' as const }
        : { specs: [], documents: [...choices.documents] }),
      format: choices.format,
      include: [...choices.parts],
    },
  };
}

export function decodeBase64(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index);
  return bytes;
}

/** Hands the file to the browser's (or Electron's) download, which asks where to save it. */
export function saveFile(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([decodeBase64(file.base64)], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Whether a document is shown for the filter typed: every word must be found in its title, path or
 * key, or be one of its tags (`#roadmap` or `roadmap`), case aside.
 */
export function matchesFilter(
  entry: { title: string; path: string; key?: string; tags?: readonly string[] },
  filter: string,
): boolean {
  const haystack = `${entry.title}\n${entry.path}\n${entry.key ?? ''}`.toLowerCase();
  const tags = (entry.tags ?? []).map((tag) => tag.toLowerCase());
  return filter
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')
    .every((word) =>
      word.startsWith('#')
        ? tags.some((tag) => tag.startsWith(word.slice(1)))
        : haystack.includes(word) || tags.some((tag) => tag.startsWith(word)),
    );
}

/** Titles more than one document has (two notes named “Tabs” in different folders): those rows show their path. */
export function sharedTitles(documents: readonly { title: string }[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const { title } of documents) (seen.has(title) ? shared : seen).add(title);
  return shared;
}
