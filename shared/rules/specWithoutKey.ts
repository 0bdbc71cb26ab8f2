/**
 * `missing-key`: a file that declares `type: spec` (or story, faq) but has no key, so nothing can
 * link to it by key, it is in no bundle and no trace; the finding names the key it would get
 * ("Make this a spec" in the app adds it).
 */
import { nextKey } from '../model/keys.js';
import type { DocumentType } from '../model/documentModel.js';
import type { Rule, RuleFinding } from './finding.js';

const typeNames: Record<Exclude<DocumentType, 'doc'>, string> = {
  spec: 'spec',
  story: 'story',
  faq: 'FAQ',
  feedback: 'feedback note',
};

export const specWithoutKey: Rule = {
  id: 'missing-key',
  check(input, keys) {
    const findings: RuleFinding[] = [];
    // Every key in use, gathered only once a document needs one (most workspaces have none without).
    let taken: Set<string> | undefined;
    for (const document of input.documents) {
      if (document.type === 'doc' || document.key !== undefined || document.problem !== undefined) continue;
      taken ??= new Set([...keys.documents.keys(), ...keys.requirements.keys(), ...keys.roadmap.keys()]);
      const key = nextKey(input.settings.prefixes[document.type], taken);
      taken.add(key);
      findings.push({
        path: document.path,
        line: 1,
        message: `${document.path} says type: ${document.type} but has no key, so it cannot be linked or exported as a ${typeNames[document.type]}; it would get ${key} (add key: ${key}, or choose Make this a ${typeNames[document.type]} in the app).`,
      });
    }
    return findings;
  },
};
