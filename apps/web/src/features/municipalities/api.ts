import { useQuery } from '@tanstack/react-query';
import { municipalityList, type Municipality } from '@kringbouw/contracts';
import { apiRequest } from '../../api/client.ts';

/** The municipalities rarely change; one fetch per visit is enough. */
export function useMunicipalities() {
  return useQuery({
    queryKey: ['municipalities'],
    queryFn: ({ signal }) => apiRequest('/api/municipalities', municipalityList, { signal }),
    staleTime: Infinity,
  });
}

/** Municipalities for a picker: the City Deal cities first, then all others, each alphabetical. */
export function groupMunicipalities(items: readonly Municipality[]): { cityDeal: Municipality[]; other: Municipality[] } {
  const sorted = [...items].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return { cityDeal: sorted.filter((m) => m.cityDeal), other: sorted.filter((m) => !m.cityDeal) };
}
