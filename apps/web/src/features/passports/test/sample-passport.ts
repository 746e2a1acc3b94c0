import { passportSchema, type Passport } from '@kringbouw/domain/lca';

/** A small passport on real ÖKOBAUDAT 2020-II profile ids (as the engine tests use them). */
export function samplePassport(): Passport {
  return passportSchema.parse({
    project: { name: 'Voorbeeld', bvoM2: 1000, buildingType: 'gestapeld', permitDate: '2024-01-01' },
    elements: [
      {
        nlsfb: '21.1', name: 'Buitenwanden', layer: 'omhulling',
        lines: [
          { description: 'Kalkzandsteen', quantity: 120, unit: 'm3', serviceLifeYears: 75, detachability: { connection: 'direct', accessibility: 'vrij' } },
          { description: 'Minerale wol', quantity: 900, unit: 'm2', thicknessM: 0.15, serviceLifeYears: 40 },
        ],
      },
      {
        nlsfb: '23.1', name: 'Vloeren', layer: 'constructie',
        lines: [{ description: 'Beton C30/37', quantity: 300, unit: 'm3', serviceLifeYears: 100, origin: { recycledPct: 20 } }],
      },
      {
        nlsfb: '32.1', name: 'Binnenkozijnen', layer: 'indeling',
        lines: [{ description: 'Vurenhout', quantity: 8, unit: 'm3', serviceLifeYears: 50, origin: { renewablePct: 100 } }],
      },
    ],
  });
}
