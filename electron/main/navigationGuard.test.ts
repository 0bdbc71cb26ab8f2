import { describe, expect, it } from 'vitest';
import {
  denyAllPermissions,
  guardContents,
  type GuardedContents,
  type GuardedSession,
  type NavigationEvent,
} from './navigationGuard.js';

type Listener = (details: NavigationEvent) => void;

/** A fake WebContents (no Electron runtime here): records listeners so a test can fire them. */
class FakeContents implements GuardedContents {
  readonly listeners = new Map<string, Listener>();
  openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  on(event: string, listener: Listener): this {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
}

interface Outcome {
  prevented: boolean;
  opened: string[];
  action?: string;
}

async function fire(event: string, url: string, isMainFrame = true): Promise<Outcome> {
  const contents = new FakeContents();
  const opened: string[] = [];
  guardContents(contents, async (safe) => {
    opened.push(safe);
  });
  let prevented = false;
  const details = { url, isMainFrame, preventDefault: () => (prevented = true) };
  let action: string | undefined;
  if (event === 'window.open') action = contents.openHandler?.({ url }).action;
  else contents.listeners.get(event)?.(details);
  await Promise.resolve();
  return { prevented, opened, ...(action ? { action } : {}) };
}

describe('guardContents', () => {
  const cases: [string, string, Outcome][] = [
    ['will-navigate', 'specbench-app://app/index.html#/roadmap', { prevented: false, opened: [] }],
    ['will-navigate', 'specbench-app://app/', { prevented: false, opened: [] }],
    ['will-navigate', 'https://example.com/docs', { prevented: true, opened: ['https://example.com/docs'] }],
    ['will-navigate', 'file:///etc/passwd', { prevented: true, opened: [] }],
    ['will-navigate', 'smb://attacker.example/share', { prevented: true, opened: [] }],
    ['will-navigate', 'javascript:alert(1)', { prevented: true, opened: [] }],
    [
      'will-navigate',
      'specbench-app://app/workspace-assets/assets/evil.svg',
      { prevented: true, opened: [] },
    ],
    ['will-navigate', 'specbench-app://evil/index.html', { prevented: true, opened: [] }],
    ['will-navigate', 'data:text/html,<script>alert(1)</script>', { prevented: true, opened: [] }],
    ['will-frame-navigate in a subframe', 'https://example.com/', { prevented: true, opened: [] }],
    ['will-frame-navigate in a subframe', 'about:srcdoc', { prevented: true, opened: [] }],
    ['will-frame-navigate in a subframe', 'specbench-app://app/index.html', { prevented: false, opened: [] }],
    [
      'will-frame-navigate in the main frame (left to will-navigate)',
      'https://example.com/',
      { prevented: false, opened: [] },
    ],
    ['will-redirect', 'https://example.com/', { prevented: true, opened: [] }],
    ['will-redirect', 'file:///etc/passwd', { prevented: true, opened: [] }],
    ['will-redirect', 'specbench-app://app/index.html', { prevented: false, opened: [] }],
    ['will-attach-webview', 'https://example.com/', { prevented: true, opened: [] }],
    [
      'window.open',
      'https://example.com/',
      { prevented: false, opened: ['https://example.com/'], action: 'deny' },
    ],
    ['window.open', 'specbench-app://app/index.html', { prevented: false, opened: [], action: 'deny' }],
    ['window.open', ' JaVaScRiPt:alert(1)', { prevented: false, opened: [], action: 'deny' }],
    ['window.open', 'file:///C:/Windows/system32/calc.exe', { prevented: false, opened: [], action: 'deny' }],
  ];
  it.each(cases)('%s %s', async (event, url, expected) => {
    const [name, where] = event.split(' in ');
    expect(await fire(name!, url, where === undefined || where.startsWith('the main frame'))).toEqual(
      expected,
    );
  });
});

/** A fake Session: keeps the handlers so the test can ask them. */
class FakeSession implements GuardedSession {
  request:
    ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  check: ((contents: unknown, permission: string) => boolean) | undefined;
  device: ((details: unknown) => boolean) | undefined;
  setPermissionRequestHandler(handler: NonNullable<FakeSession['request']>): void {
    this.request = handler;
  }
  setPermissionCheckHandler(handler: NonNullable<FakeSession['check']>): void {
    this.check = handler;
  }
  setDevicePermissionHandler(handler: NonNullable<FakeSession['device']>): void {
    this.device = handler;
  }
}

describe('denyAllPermissions', () => {
  const permissions = [
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'openExternal',
    'fullscreen',
    'hid',
    'serial',
    'usb',
  ];
  it.each(permissions)('%s is refused when requested, checked or asked for a device', (permission) => {
    const session = new FakeSession();
    denyAllPermissions(session);
    let granted: boolean | undefined;
    session.request?.({}, permission, (answer) => (granted = answer));
    expect([granted, session.check?.({}, permission), session.device?.({ deviceType: permission })]).toEqual([
      false,
      false,
      false,
    ]);
  });
});
