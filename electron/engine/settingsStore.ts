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
    if (code === 'ENOENT') return { ok: true, settings: settingsSchema.parse({}) };
    return invalid(`${settingsFileName} cannot be read (${code ?? String(error)}).`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return invalid(jsonSyntaxMessage(settingsFileName, text, error));
  }
  const parsed = settingsSchema.strict().safeParse(data);
  if (!parsed.success) return invalid(schemaIssueMessage(settingsFileName, parsed.error.issues[0]!));
  return { ok: true, settings: parsed.data };
}

function invalid(message: string): ReadSettingsResult {
  return { ok: false, error: 'invalid-settings', message };
}
