/** The short name on a result's kind badge (quick switcher, link dialog): Spec, Story, Req… */
import type { QuickSwitchHit } from '../../shared/contract/apiContract.js';

export const kindLabels: Record<QuickSwitchHit['type'], string> = {
  spec: 'Spec',
  story: 'Story',
  faq: 'FAQ',
  feedback: 'Note',
  doc: 'Doc',
  requirement: 'Req',
  roadmap: 'Item',
};
