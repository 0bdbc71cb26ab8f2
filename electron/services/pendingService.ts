/**
 * A service whose workspace is still loading: `specbench serve` listens before the index is built,
 * so the browser loads the app meanwhile. Each call waits for the workspace, so no answer is ever
 * given from a half-loaded index, and change listeners are attached once it is there (the watcher
 * starts only then, so no change is reported before anyone could hear it).
 */
import type {
  MethodInput,
  MethodName,
  MethodOutput,
  WorkspaceChangeEvent,
} from '../../shared/contract/apiContract.js';
import type { ApiService } from './apiService.js';

export class PendingService implements ApiService {
  constructor(private readonly ready: Promise<ApiService>) {
    // A failed load is reported by whoever started it; each call then fails with its reason.
    ready.catch(() => undefined);
  }

  async invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    return (await this.ready).invoke(method, input);
  }

  onDidChangeWorkspace(listener: (event: WorkspaceChangeEvent) => void): () => void {
    let stopped = false;
    let unsubscribe: (() => void) | undefined;
    this.ready.then(
      (service) => {
        if (!stopped) unsubscribe = service.onDidChangeWorkspace(listener);
      },
      () => undefined,
    );
    return () => {
      stopped = true;
      unsubscribe?.();
    };
  }
}
