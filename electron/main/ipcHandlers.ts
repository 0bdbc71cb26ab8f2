/** The one place IPC handlers are registered: one per contract method, sender and payload checked first. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelFor, methodNames, parseCall } from '../../shared/contract/apiContract.js';
import type { ApiService } from '../services/apiService.js';
import { isAppPage } from './appProtocol.js';

export interface SenderFrame {
  url: string;
  /** The frame's parent; only top-level frames may call. */
  parent: unknown;
}

/** Calls are answered only for the app's own top-level page, never a subframe, another origin or a served image. */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isAppPage(frame.url);
}

export async function handleCall(
  service: ApiService,
  frame: SenderFrame | null | undefined,
  method: string,
  input: unknown,
): Promise<unknown> {
  if (!isTrustedSender(frame)) {
    return {
      ok: false,
      error: 'untrusted-sender',
      message: 'Calls are only accepted from the Specbench window.',
    };
  }
  const call = parseCall(method, input);
  if (!call.ok) return call;
  return service.invoke(call.method, call.input as never);
}

/** Registers every method; returns a function that removes them again. */
export function registerIpcHandlers(ipcMain: IpcMain, service: ApiService): () => void {
  for (const method of methodNames) {
    ipcMain.handle(channelFor(method), (event: IpcMainInvokeEvent, input: unknown) =>
      handleCall(service, event.senderFrame, method, input),
    );
  }
  return () => {
    for (const method of methodNames) ipcMain.removeHandler(channelFor(method));
  };
}
