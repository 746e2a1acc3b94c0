/// <reference lib="webworker" />
import { calculateView, profileSummaries, suggest, type EngineView } from './engine-core.ts';
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
  // The per-line arrays are transferred, not copied (the worker keeps nothing of a calculation).
  scope.postMessage(response, response.type === 'calculate' ? transferables(response.view) : []);
};

function transferables(view: EngineView): ArrayBuffer[] {
  const c = view.lineColumns;
  const arrays = [view.lineMki, c.elementIndex, c.profileIndex, c.profileSource, c.declaredQuantity, c.conversion, c.placements, c.surchargeFactor, c.massKg, c.mkiEur, c.rspQuantity, c.biogenicCarbonKgCO2, c.biogenicMethod, c.detachability, c.mci, ...c.profiles.map((p) => p.gwp)];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
