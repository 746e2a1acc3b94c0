import type { EngineClient } from '../engine-client.ts';
import { calculateView, profileSummaries, suggest } from '../engine-core.ts';

/** The engine without a worker (tests run in happy-dom): same core, called in the page. */
export const inPageEngine: EngineClient = {
  calculate: async (passport) => calculateView(passport),
  profiles: async () => profileSummaries(),
  suggest: async (name, limit) => suggest(name, limit),
};
