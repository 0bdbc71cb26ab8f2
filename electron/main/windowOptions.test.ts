import { describe, expect, it } from 'vitest';
import { createWindowOptions } from './windowOptions.js';

describe('createWindowOptions', () => {
  const options = createWindowOptions({ preloadPath: '/app/dist/electron/preload/preload.cjs' });
  const preferences = options.webPreferences ?? {};
  const cases: [string, unknown, unknown][] = [
    ['contextIsolation', preferences.contextIsolation, true],
    ['sandbox', preferences.sandbox, true],
    ['nodeIntegration', preferences.nodeIntegration, false],
    ['nodeIntegrationInWorker', preferences.nodeIntegrationInWorker, false],
    ['nodeIntegrationInSubFrames', preferences.nodeIntegrationInSubFrames, false],
    ['webviewTag', preferences.webviewTag, false],
    ['webSecurity', preferences.webSecurity, true],
    ['allowRunningInsecureContent', preferences.allowRunningInsecureContent, false],
    ['navigateOnDragDrop', preferences.navigateOnDragDrop, false],
    ['preload', preferences.preload, '/app/dist/electron/preload/preload.cjs'],
    ['experimentalFeatures', preferences.experimentalFeatures, false],
    ['shown only once painted', options.show, false],
    [
      'no other web preference is set (each new one needs a line here)',
      Object.keys(preferences).sort(),
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ],
    ],
  ];
  it.each(cases)('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  const boundsCases: [string, Parameters<typeof createWindowOptions>[0]['bounds'], unknown][] = [
    ['defaults', undefined, { width: 1280, height: 820 }],
    ['remembered', { x: 10, y: 20, width: 900, height: 700 }, { x: 10, y: 20, width: 900, height: 700 }],
    ['too small is raised to the minimum', { width: 100, height: 100 }, { width: 720, height: 480 }],
    [
      'a position without both coordinates is dropped',
      { x: 5, width: 1000, height: 800 },
      { width: 1000, height: 800 },
    ],
  ];
  it.each(boundsCases)('bounds: %s', (_name, bounds, expected) => {
    const { x, y, width, height } = createWindowOptions({ preloadPath: 'p', bounds });
    expect(
      Object.fromEntries(Object.entries({ x, y, width, height }).filter(([, v]) => v !== undefined)),
    ).toEqual(expected);
  });
});
