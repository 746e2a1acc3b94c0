/// <reference lib="webworker" />
import { calculateView, profileSummaries, suggest } from './engine-core.ts';
import type { EngineRequest, EngineResponse } from './engine-protocol.ts';

// Calculation runs here so typing in the editor stays smooth for passports with thousands of lines.
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<EngineRequest>) => {
  const request = event.data;
  let response: EngineResponse;
  try {
    if (request.type === 'calculate') response = { id: request.id, type: 'calculate', view: calculateView(request.passport) };
    else if (request.type === 'profiles') response = { id: request.id, type: 'profiles', profiles: profileSummaries() };
    else response = { id: request.id, type: 'suggest', suggestions: suggest(request.name, request.limit) };
  } catch (error) {
    response = { id: request.id, type: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  // The MKI array is transferred, not copied.
  scope.postMessage(response, response.type === 'calculate' ? [response.view.lineMki.buffer] : []);
};
