import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  changeEventChannel,
  channelPrefix,
  contextMenuEventChannel,
  eventNames,
  methodNames,
} from '../../shared/contract/apiContract.js';

// The sandboxed preload cannot import the contract, so it carries copies; these must never drift.
const source = readFileSync(new URL('../preload/preload.cts', import.meta.url), 'utf8');

function constant(name: string): string | undefined {
  return new RegExp(`const ${name} = ([^;]+);`).exec(source)?.[1];
}

describe('the preload bridge matches the contract', () => {
  const listed = (constant('methodNames') ?? '[]').replace(/'/g, '"').replace(/,\s*]/, ']');
  const prefix = (constant('channelPrefix') ?? '').replace(/'/g, '');
  const channel = (name: string) =>
    (constant(name) ?? '').replace(/[`]/g, '').replace('${channelPrefix}', prefix);
  const exposedEvents = [...source.matchAll(/^api\.(on\w+) = /gm)].map((match) => match[1]).sort();
  const cases: [string, unknown, unknown][] = [
    ['method names', JSON.parse(listed), methodNames],
    ['channel prefix', prefix, channelPrefix],
    ['change event channel', channel('changeEventChannel'), changeEventChannel],
    ['context menu event channel', channel('contextMenuEventChannel'), contextMenuEventChannel],
    ['exposes every event', exposedEvents, [...eventNames].sort()],
    ['exposes one object named specbench', /exposeInMainWorld\('specbench', /.test(source), true],
    ['never exposes ipcRenderer itself', /exposeInMainWorld\([^)]*ipcRenderer/.test(source), false],
  ];
  it.each(cases)('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});
