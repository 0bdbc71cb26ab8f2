import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../engine/workspace.js';
import { appHost, appScheme } from '../../main/appProtocol.js';
import { handleCall } from '../../main/ipcHandlers.js';
import { WorkspaceService } from '../../services/workspaceService.js';
import { badInputCases } from './badInputCorpus.js';
import { buildCaseWorkspace, compareSnapshots, snapshotFolder, type CaseWorkspace } from './caseWorkspace.js';
import {
  badRequests,
  callApi,
  isCleanReply,
  runServerCase,
  startServerSession,
  type ServerSession,
} from './serverRun.js';

describe('every bad input through the browser server: JSON answers, never a 500, nothing changed', () => {
  it.each(badInputCases.map((badInput) => [badInput.name, badInput] as const))(
    '%s',
    async (_name, badInput) => {
      const result = await runServerCase(badInput);
      expect({ unclean: result.unclean, difference: result.difference }).toEqual({
        unclean: [],
        difference: { changed: [], created: [], removed: [] },
      });
    },
    60_000,
  );
});

describe('bad requests: refused as values over HTTP and IPC, the workspace unchanged', () => {
  let built: CaseWorkspace;
  let workspace: Workspace;
  let session: ServerSession;
  let before: Record<string, string>;

  beforeAll(async () => {
    built = await buildCaseWorkspace({ name: 'requests', outside: { 'secret.md': 'secret\n' } });
    const opened = await Workspace.open(built.root, { write: true, watch: false, cache: true });
    if (!opened.ok) throw new Error(opened.message);
    workspace = opened.workspace;
    session = await startServerSession(workspace);
    before = await snapshotFolder(built.folder);
  }, 30_000);

  afterAll(async () => {
    await session.close();
    await workspace.close();
    await built.remove();
  });

  it.each(badRequests.map((call) => [call.name, call] as const))(
    '%s',
    async (_name, call) => {
      const reply = await callApi(session, call);
      const parsedInput = parseOrUndefined(call.body);
      const ipc = (await handleCall(
        new WorkspaceService(workspace),
        { url: `${appScheme}://${appHost}/index.html`, parent: null },
        call.method,
        parsedInput,
      )) as { ok?: unknown };
      const answer = parseOrUndefined(reply.body) as { ok?: unknown } | undefined;
      expect({
        clean: isCleanReply(reply),
        httpOk: answer?.ok,
        ipcOk: ipc.ok,
        difference: compareSnapshots(before, await snapshotFolder(built.folder)),
      }).toEqual({
        clean: true,
        httpOk: false,
        ipcOk: false,
        difference: { changed: [], created: [], removed: [] },
      });
    },
    30_000,
  );
});

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
