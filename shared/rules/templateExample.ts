/** Whether a section still holds exactly its template's example: guidance, never content. */
import type { DocumentEntry, SectionSummary } from '../model/documentModel.js';
import { builtInTemplate } from '../templates/template.js';
import { isExampleSection } from '../templates/templateExamples.js';
import type { RuleInput } from './finding.js';

export function isTemplateExample(
  input: Pick<RuleInput, 'examples'>,
  document: Pick<DocumentEntry, 'type'>,
  section: SectionSummary,
): boolean {
  if (section.fingerprint === undefined || document.type === 'doc') return false;
  const examples = input.examples?.[document.type] ?? builtInTemplate(document.type).examples;
  return isExampleSection(examples, section.title, section.fingerprint);
}
