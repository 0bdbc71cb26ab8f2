import { describe, expect, it } from 'vitest';
import { editableText } from './requirementFence.js';

const open = ':::requirement{#REQ-2 priority=must status=approved roadmap=RM-1}\n';
const block = (text: string, opener = open) => `${opener}${text}\n\n- Given a guest\n:::\n`;

describe('editableText: the Edit box holds the requirement’s words, not its fence', () => {
  it('takes the fence off when both sides open it alike, and puts it back around the edit', () => {
    const text = editableText(block('Guests enter an email once.'), block('Guests type an email once.'));
    expect({
      body: text.body,
      saved: text.wrap('Guests enter or paste an email once.\n\n- Given a guest\n'),
    }).toEqual({
      body: 'Guests enter an email once.\n\n- Given a guest',
      saved: block('Guests enter or paste an email once.'),
    });
  });

  it('keeps the whole source when the attributes differ, so a status conflict can be settled too', () => {
    const theirs = block('Guests type an email once.', open.replace('approved', 'review'));
    const text = editableText(block('Guests enter an email once.'), theirs);
    expect([text.body, text.wrap('edited')]).toEqual([block('Guests enter an email once.'), 'edited']);
  });

  it('leaves anything that is not a requirement block as it is', () => {
    const text = editableText('## Goals\n\nFaster checkout.\n', '## Goals\n\nA faster checkout.\n');
    expect([text.body, text.wrap('x')]).toEqual(['## Goals\n\nFaster checkout.\n', 'x']);
  });
});
