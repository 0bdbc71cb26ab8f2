import { describe, expect, it } from 'vitest';
import type { RoadmapItem } from '../model/roadmapModel.js';
import { releaseNotesMarkdown } from './releaseNotes.js';
import type { ReleaseReadiness } from './releaseReadiness.js';

function readiness(items: Partial<RoadmapItem>[]): ReleaseReadiness {
  return {
    release: { key: 'REL-1', name: 'Spring', status: 'released', date: '2027-03-01', items: [] },
    missing: [],
    ready: true,
    items: items.map((item, index) => ({
      item: {
        key: `RM-${index + 1}`,
        title: '',
        description: '',
        lane: 'now',
        rank: index,
        status: 'done',
        ...item,
      },
      requirements: [],
      storiesDone: 0,
      storiesTotal: 0,
      ready: true,
    })),
  };
}

describe('release notes for customers', () => {
  it('show the title and the release note, never the description an item made from feedback starts with', () => {
    const notes = releaseNotesMarkdown(
      readiness([
        { title: 'Pay by invoice?', description: 'We need invoices, not cards.\n\nFrom FB-2.' },
        { title: 'Names with accents', releaseNote: 'Names like Zoë Ångström are accepted.' },
        { title: 'Faster checkout!' },
      ]),
      'customers',
    );
    expect(notes.split('\n').filter((line) => line.startsWith('- '))).toEqual([
      '- **Pay by invoice?**',
      '- **Names with accents.** Names like Zoë Ångström are accepted.',
      '- **Faster checkout!**',
    ]);
    expect(notes).not.toContain('FB-2');
  });

  it('for the team, say which items still lack customer wording', () => {
    const notes = releaseNotesMarkdown(
      readiness([{ title: 'Pay by invoice?', description: 'From FB-2.' }]),
      'internal',
    );
    expect(notes).toContain(
      'From FB-2.\n\nFor customers: no release note yet (their notes show the title alone).',
    );
  });
});
