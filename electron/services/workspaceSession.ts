/** The desktop's current workspace: switched by the menu, called by IPC, its change events forwarded. */
import type {
  Failure,
  MethodInput,
  MethodName,
  MethodOutput,
  WorkspaceChangeEvent,
} from '../../shared/contract/apiContract.js';
import type { ApiService } from './apiService.js';

export interface OpenedWorkspace {
  root: string;
  service: ApiService;
  close(): Promise<void>;
}

export type WorkspaceOpener = (root: string) => Promise<{ ok: true; opened: OpenedWorkspace } | Failure>;

export class WorkspaceSession implements ApiService {
  private current: OpenedWorkspace | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly listeners = new Set<(event: WorkspaceChangeEvent) => void>();

  constructor(private readonly opener: WorkspaceOpener) {}

  /** Absolute folder of the open workspace; main-process only, never sent to the renderer. */
  get root(): string | undefined {
    return this.current?.root;
  }

  /** Opens `root`; on failure the previous workspace stays open. */
  async open(root: string): Promise<{ ok: true } | Failure> {
    if (this.current?.root === root) return { ok: true };
    const result = await this.opener(root);
    if (!result.ok) return result;
    await this.close();
    this.current = result.opened;
    this.unsubscribe = result.opened.service.onDidChangeWorkspace((event) => {
      for (const listener of [...this.listeners]) listener(event);
    });
    return { ok: true };
  }

  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    if (!this.current) {
      const failure: Failure = { ok: false, error: 'no-workspace', message: 'No workspace is open.' };
      return Promise.resolve(failure as MethodOutput<M>);
    }
    return this.current.service.invoke(method, input);
  }

  onDidChangeWorkspace(listener: (event: WorkspaceChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    const closing = this.current;
    this.current = undefined;
    await closing?.close();
  }
}
