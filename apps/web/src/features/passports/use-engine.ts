import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Passport } from '@kringbouw/domain/lca';
import type { EngineView } from './engine-core.ts';
import { engineClient } from './engine-client.ts';

export interface LiveIndicators {
  view: EngineView | undefined;
  /** True while a newer passport than the shown result is being calculated. */
  calculating: boolean;
  error: Error | undefined;
}

/**
 * Recalculates the indicators whenever the passport changes. At most one calculation runs at a time; edits made
 * meanwhile are coalesced so only the newest passport is calculated next (typing never queues up work).
 */
export function useLiveIndicators(passport: Passport | undefined): LiveIndicators {
  const [state, setState] = useState<LiveIndicators>({ view: undefined, calculating: passport !== undefined, error: undefined });
  const running = useRef(false);
  const next = useRef<Passport | undefined>(undefined);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  useEffect(() => {
    if (!passport) return;
    next.current = passport;
    setState((s) => ({ ...s, calculating: true }));
    if (running.current) return;
    const run = async () => {
      running.current = true;
      while (next.current && alive.current) {
        const current = next.current;
        next.current = undefined;
        try {
          const view = await engineClient().calculate(current);
          if (alive.current) setState({ view, calculating: next.current !== undefined, error: undefined });
        } catch (error) {
          if (alive.current) setState((s) => ({ ...s, calculating: false, error: error instanceof Error ? error : new Error(String(error)) }));
        }
      }
      running.current = false;
    };
    void run();
  }, [passport]);

  return state;
}

/** The profile library's entries for pickers and names (loaded once per page). */
export function useProfileSummaries() {
  return useQuery({
    queryKey: ['passports', 'engine', 'profiles'],
    queryFn: () => engineClient().profiles(),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
