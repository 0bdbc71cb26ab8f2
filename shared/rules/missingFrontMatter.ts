/**
 * `missing-front-matter`: a Markdown file in specs/, stories/, faqs/ or feedback/ without a key or a
 * type. It is read as a plain document, so it is in no trace, no check and no list: a story written
 * without front matter would otherwise go unnoticed. (A file declaring its type without a key is
 * `missing-key`'s.)
 */
import { documentFolders, type DocumentType } from '../model/documentModel.js';
import type { Rule, RuleFinding } from './finding.js';

const typeByFolder = new Map(Object.entries(documentFolders).map(([type, folder]) => [folder, type]));
const kinds: Record<Exclude<DocumentType, 'doc'>, string> = {
  spec: 'a spec',
  story: 'a story',
  faq: 'a FAQ',
  feedback: 'a feedback note',
};

export const missingFrontMatter: Rule = {
  id: 'missing-front-matter',
  check(input) {
    const findings: RuleFinding[] = [];
    for (const document of input.documents) {
      // A file that could not be read, or front matter that does not parse, is malformed-file's.
      if (document.type !== 'doc' || document.key !== undefined || document.problem) continue;
      const type = typeByFolder.get(document.path.split('/')[0]!) as Exclude<DocumentType, 'doc'> | undefined;
      const name = document.path.split('/').at(-1)!.toLowerCase();
      if (!type || name === 'readme.md' || name === 'index.md') continue;
      const prefix = input.settings.prefixes[type];
      const fix = `key: ${prefix}-n and type: ${type}`;
      findings.push({
        path: document.path,
        line: 1,
        message:
          document.bodyLine <= 1
            ? `${document.path} has no front matter, so it is read as a plain document, not ${kinds[type]}: start it with --- and ${fix}.`
            : `${document.path} has no key, so it is read as a plain document, not ${kinds[type]}: add ${fix} to its front matter.`,
      });
    }
    return findings;
  },
};
