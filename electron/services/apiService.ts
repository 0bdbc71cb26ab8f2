/** What a transport (IPC or HTTP) needs from the main side: validated calls in, change events out. */
import type {
  MethodInput,
  MethodName,
  MethodOutput,
  WorkspaceChangeEvent,
} from '../../shared/contract/apiContract.js';

export interface ApiService {
  /** Runs one call whose input `parseCall` has already validated. */
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  onDidChangeWorkspace(listener: (event: WorkspaceChangeEvent) => void): () => void;
}
