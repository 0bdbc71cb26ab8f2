/** Reads `specbench.json`: a missing file means the defaults; a bad one gets a message naming the field. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { settingsSchema, type Settings } from '../../shared/model/settingsModel.js';
import { jsonSyntaxMessage, schemaIssueMessage } from './jsonProblem.js';

export const settingsFileName = 'specbench.json';

export type ReadSettingsResult =
  { ok: true; settings: Settings } | { ok: false; error: 'invalid-settings'; message: string };

export async function readSettings(root: string): Promise<ReadSettingsResult> {
  let text: string;
  try {
    text = await fs.readFile(path.join(root, settingsFileName), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: true, settings: settingsSchema.parse({ name: folderName(root) }) };
    return invalid(`${settingsFileName} cannot be read (${code ?? String(error)}).`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return invalid(jsonSyntaxMessage(settingsFileName, text, error));
  }
  const parsed = settingsSchema.strict().safeParse(data);
  // A workspace without a name is called after its folder, as the navigator and exports show it.
  if (parsed.success && !hasName(data)) parsed.data.name = folderName(root);
  if (!parsed.success) return invalid(schemaIssueMessage(settingsFileName, parsed.error.issues[0]!));
  return { ok: true, settings: parsed.data };
}

function hasName(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'name' in data;
}

/** The folder's own name; the schema's default only for a root with none (`/`). */
function folderName(root: string): string {
  const name = path.basename(path.resolve(root));
  return name === '' ? settingsSchema.parse({}).name : name.slice(0, 200);
}

function invalid(message: string): ReadSettingsResult {
  return { ok: false, error: 'invalid-settings', message };
}
