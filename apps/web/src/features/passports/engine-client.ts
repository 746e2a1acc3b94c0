/** The page's handle on the indicator engine, which runs in a module worker (engine.worker.ts). */
import type { Passport, ProfileSuggestion } from '@kringbouw/domain/lca';
import type { EngineView, ProfileSummary } from './engine-core.ts';
import type { EngineCommand, EngineRequest, EngineResponse } from './engine-protocol.ts';

export interface EngineClient {
  calculate(passport: Passport): Promise<EngineView>;
  profiles(): Promise<ProfileSummary[]>;
  suggest(name: string, limit?: number): Promise<ProfileSuggestion[]>;
}

type Pending = { resolve: (response: EngineResponse) => void; reject: (error: Error) => void };

function workerClient(worker: Worker): EngineClient {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  worker.onmessage = (event: MessageEvent<EngineResponse>) => {
    const entry = pending.get(event.data.id);
    if (!entry) return;
    pending.delete(event.data.id);
    if (event.data.type === 'error') entry.reject(new Error(event.data.message));
    else entry.resolve(event.data);
  };
  worker.onerror = (event) => {
    for (const entry of pending.values()) entry.reject(new Error(event.message || 'engine worker failed'));
    pending.clear();
  };
  const send = (command: EngineCommand): Promise<EngineResponse> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const request: EngineRequest = { ...command, id };
      worker.postMessage(request);
    });
  return {
    async calculate(passport) {
      const response = await send({ type: 'calculate', passport });
      if (response.type !== 'calculate') throw new Error('unexpected engine response');
      return response.view;
    },
    async profiles() {
      const response = await send({ type: 'profiles' });
      if (response.type !== 'profiles') throw new Error('unexpected engine response');
      return response.profiles;
    },
    async suggest(name, limit = 5) {
      const response = await send({ type: 'suggest', name, limit });
      if (response.type !== 'suggest') throw new Error('unexpected engine response');
      return response.suggestions;
    },
  };
}

let shared: EngineClient | undefined;

/**
 * One engine per page, started on first use. There is deliberately no in-page fallback: importing the engine core
 * here would pull the profile library into the page's own chunks (every browser Kringbouw supports has module workers).
 */
export function engineClient(): EngineClient {
  shared ??= workerClient(new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' }));
  return shared;
}

/** For tests: use a given engine instead of the worker. */
export function setEngineClient(client: EngineClient | undefined): void {
  shared = client;
}
