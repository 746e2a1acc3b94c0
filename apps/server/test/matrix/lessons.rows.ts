/** Authorization-matrix rows of lessons (City Deal monitoring level 1). */
import type { MatrixRows } from '../authorization-matrix.support.ts';
import { signedIn } from '../authorization-matrix.support.ts';

export const rows: MatrixRows = {
  'GET /api/lessons': { expected: signedIn(200), cell: async () => ({ method: 'GET', url: '/api/lessons?year=2026' }) },
  'POST /api/lessons': {
    expected: [401, 403, 403, 201, 201, 201],
    cell: async (f) => ({ method: 'POST', url: '/api/lessons', body: { organisationId: f.leiden, year: 2026, theme: 'proces', accelerators: 'Matrix', blockers: '' } }),
  },
};
