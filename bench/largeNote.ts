/**
 * A long running note as people keep them in a vault (a work log): a heading per day, short bullets
 * and tasks, a nested outline, a ==highlight== or #tag now and then, a paragraph of prose. About 27
 * bytes a line, so 20,000 lines come to about 550 KB, as in the note that typed at 0.5 s a key.
 */
import { seededRandom } from './seededRandom.js';

const subjects = ['checkout', 'the cart', 'search', 'onboarding', 'billing', 'the export', 'sync', 'review'];
const verbs = ['fix', 'check', 'ask about', 'write up', 'measure', 'ship', 'test', 'plan'];
const people = ['Dana', 'Ravi', 'Mia', 'Tom', 'Ines', 'Kai'];
const moments = ['the release', 'the review', 'the demo', 'standup', 'the planning', 'Friday'];

export function generateLargeNote(lines: number, seed = 20): string {
  const random = seededRandom(seed);
  const out = ['# Work log', '', 'What happened each day, kept as it comes.', ''];
  for (let day = 1; out.length < lines; day++) {
    out.push(`## Day ${day}`, '');
    const items = random.integer(4, 9);
    for (let item = 0; item < items; item++) {
      const text = `${random.pick(verbs)} ${random.pick(subjects)} before ${random.pick(moments)}`;
      if (random.chance(0.3))
        out.push(`- [${random.chance(0.5) ? 'x' : ' '}] ${text} with ${random.pick(people)}`);
      else if (random.chance(0.1)) out.push(`- ==${text}== #${random.pick(subjects).replace(/\W/g, '')}`);
      else out.push(`- ${text}`);
      if (random.chance(0.2)) out.push(`  - then ${random.pick(verbs)} ${random.pick(subjects)}`);
    }
    out.push('');
    if (random.chance(0.5)) {
      out.push(
        `Talked to ${random.pick(people)} about ${random.pick(subjects)}; next: ${random.pick(verbs)} it.`,
        '',
      );
    }
  }
  return out.slice(0, lines).join('\n') + '\n';
}
