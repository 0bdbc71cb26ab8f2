import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  requestedFolder,
  runDesktopApp,
  type DesktopShell,
  type LifecycleApp,
  type LifecycleOptions,
} from './appLifecycle.js';

/** A fake of Electron's `app` (no Electron runtime here): events are emitted by the test, calls recorded. */
class FakeApp extends EventEmitter implements LifecycleApp {
  readonly calls: string[] = [];
  lockData: unknown;
  constructor(private readonly gotLock = true) {
    super();
  }
  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    this.lockData = additionalData;
    return this.gotLock;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  quit(): void {
    this.calls.push('quit');
  }
  exit(code: number): void {
    this.calls.push(`exit ${code}`);
  }
}

/** A fake desktop shell whose start finishes when the test says so. */
function fakeShell(calls: string[], startFails?: Error) {
  let finishStart: () => void = () => undefined;
  const shell: DesktopShell = {
    start: (folder) => {
      calls.push(`start ${folder ?? '-'}`);
      if (startFails) return Promise.reject(startFails);
      return new Promise<void>((resolve) => {
        finishStart = () => {
          calls.push('started');
          resolve();
        };
      });
    },
    focus: () => calls.push('focus'),
    openFolder: (folder) => {
      calls.push(`open ${folder}`);
      return Promise.resolve();
    },
    close: () => {
      calls.push('close');
      return Promise.resolve();
    },
  };
  return { shell, finishStart: () => finishStart() };
}

function options(
  app: FakeApp,
  shell: DesktopShell,
  overrides: Partial<LifecycleOptions> = {},
): LifecycleOptions {
  return {
    app,
    argv: ['/usr/bin/electron', '/opt/specbench', 'specs'],
    cwd: '/home/dana/work',
    appPath: '/opt/specbench',
    platform: 'linux',
    createShell: () => Promise.resolve(shell),
    showStartupError: (title, detail) => app.calls.push(`error box: ${title}: ${detail.split('\n')[0]}`),
    ...overrides,
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('runDesktopApp', () => {
  it('a second instance hands its folder, made absolute against its own cwd, to the first and quits', async () => {
    const app = new FakeApp(false);
    const outcome = await runDesktopApp(options(app, fakeShell(app.calls).shell));
    expect([outcome, app.lockData, app.calls]).toEqual([
      'handed-over',
      { folder: '/home/dana/work/specs' },
      ['quit'],
    ]);
  });

  const failures: [string, Partial<LifecycleOptions>, Error | undefined][] = [
    [
      'the app-state store cannot be read',
      { createShell: () => Promise.reject(new Error('EACCES: app-state.json')) },
      undefined,
    ],
    [
      'the sample cannot be installed',
      {},
      new Error('ENOSPC: no space left on device, copyfile\n    at stack'),
    ],
  ];
  it.each(failures)(
    'a start that fails (%s) shows why and exits, instead of hiding with the lock',
    async (_name, overrides, startFails) => {
      const app = new FakeApp();
      const { shell } = fakeShell(app.calls, startFails);
      const outcome = await runDesktopApp(options(app, shell, overrides));
      app.emit('second-instance', {}, [], '/', { folder: '/elsewhere' });
      await settle();
      const message = (startFails ?? new Error('EACCES: app-state.json')).message.split('\n')[0];
      expect([outcome, app.calls.filter((call) => !call.startsWith('start'))]).toEqual([
        'failed',
        [`error box: Specbench could not start: ${message}`, 'exit 1'],
      ]);
    },
  );

  it('a relaunch and a Dock click during a slow start wait for it: one window, then the folder', async () => {
    const app = new FakeApp();
    const { shell, finishStart } = fakeShell(app.calls);
    const running = runDesktopApp(options(app, shell));
    await settle();
    app.emit('second-instance', {}, ['/usr/bin/electron', '--flag'], '/home/ed', {
      folder: '/home/ed/roadmaps',
    });
    app.emit('activate');
    await settle();
    const beforeStart = [...app.calls];
    finishStart();
    expect(await running).toEqual('started');
    await settle();
    expect([beforeStart, app.calls]).toEqual([
      ['start /home/dana/work/specs'],
      ['start /home/dana/work/specs', 'started', 'focus', 'open /home/ed/roadmaps', 'focus'],
    ]);
  });

  const closing: [NodeJS.Platform, string[]][] = [
    ['linux', ['quit']],
    ['darwin', []],
  ];
  it.each(closing)('closing the last window on %s', async (platform, expected) => {
    const app = new FakeApp();
    const { shell, finishStart } = fakeShell([]);
    const running = runDesktopApp(options(app, shell, { platform }));
    await settle();
    finishStart();
    await running;
    app.emit('window-all-closed');
    expect(app.calls).toEqual(expected);
  });

  it('quitting closes the workspace first, then quits once', async () => {
    const app = new FakeApp();
    const { shell, finishStart } = fakeShell(app.calls);
    const running = runDesktopApp(options(app, shell));
    await settle();
    finishStart();
    await running;
    let prevented = 0;
    app.emit('will-quit', { preventDefault: () => (prevented += 1) });
    await settle();
    app.emit('will-quit', { preventDefault: () => (prevented += 1) });
    expect([prevented, app.calls.slice(2)]).toEqual([1, ['close', 'quit']]);
  });
});

describe('requestedFolder: what a relaunch asks to open', () => {
  const cases: [string, unknown, string[], string, string | undefined][] = [
    [
      'additionalData wins over a reordered argv',
      { folder: '/home/ed/a' },
      ['/e', '/home/ed/b'],
      '/home/ed',
      '/home/ed/a',
    ],
    ['no folder asked: just focus', { folder: null }, ['/e', 'x'], '/home/ed', undefined],
    [
      'an older launcher without additionalData: argv against its own cwd',
      null,
      ['/e', '/opt/specbench', 'specs'],
      '/home/ed',
      '/home/ed/specs',
    ],
  ];
  it.each(cases)('%s', (_name, data, argv, cwd, expected) => {
    expect(requestedFolder(data, argv, cwd, '/opt/specbench')).toEqual(expected);
  });
});
