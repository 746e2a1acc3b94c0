import type { Passport, ProfileSuggestion } from '@kringbouw/domain/lca';
import type { EngineView, ProfileSummary } from './engine-core.ts';

export type EngineCommand =
  | { type: 'calculate'; passport: Passport }
  | { type: 'profiles' }
  | { type: 'suggest'; name: string; limit: number };

export type EngineRequest = EngineCommand & { id: number };

export type EngineResponse =
  | { id: number; type: 'calculate'; view: EngineView }
  | { id: number; type: 'profiles'; profiles: ProfileSummary[] }
  | { id: number; type: 'suggest'; suggestions: ProfileSuggestion[] }
  | { id: number; type: 'error'; message: string };
