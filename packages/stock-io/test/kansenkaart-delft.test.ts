/**
 * End to end on the real Delft tile: CityJSON → StockBuilding → verblijfsobjecten join → scoring with the
 * default rules, checked against counts made independently from the raw JSON.
 */
import { defaultOpportunityRules as rules, scoreStock } from '@kringbouw/domain/opportunities';
import { describe, expect, it } from 'vitest';
import { readBagCsv } from '../src/bag-csv.ts';
import { readCityJson } from '../src/cityjson.ts';
import { wgs84ToRd } from '../src/rd.ts';
import { joinVerblijfsobjecten } from '../src/verblijfsobjecten.ts';
import { delftTile, readFixture } from './helpers.ts';

describe('kansenkaart on the Delft 3D BAG tile', async () => {
  const raw = delftTile();
  const rawBuildings = Object.values(raw.CityObjects).filter((o) => o.type === 'Building');
  const tile = readCityJson(readFixture('3dbag_v210908_tile5910_delft.city.json')).buildings;
  const { verblijfsobjecten } = await readBagCsv(readFixture('delft_verblijfsobjecten.csv'));
  const { buildings } = joinVerblijfsobjecten(tile, verblijfsobjecten);
  const scored = scoreStock(buildings, rules);
  const byId = new Map(scored.map((s) => [s.bagId, s]));
  const firing = (code: string) => scored.filter((s) => [s.opportunities.optoppen, s.opportunities.splitsen, s.opportunities.transformatie].some((k) => k.reasons.some((r) => r.code === code)));

  it('"platte dakvorm" fires exactly for the raw flat roofs (horizontal + multiple horizontal)', () => {
    const rawFlat = rawBuildings.filter((o) => o.attributes['dak_type'] === 'horizontal' || o.attributes['dak_type'] === 'multiple horizontal').length;
    expect(rawFlat).toBe(249); // 159 + 90, as the fixture README says
    expect(firing('platte_dakvorm')).toHaveLength(rawFlat);
  });

  it('"bouwjaar 1965–1985" fires exactly for the raw build years in range', () => {
    const rawCount = rawBuildings.filter((o) => {
      const year = o.attributes['oorspronkelijkbouwjaar'];
      return typeof year === 'number' && year >= 1965 && year <= 1985;
    }).length;
    expect(rawCount).toBe(6);
    expect(firing('bouwjaar_1965_1985')).toHaveLength(rawCount);
    for (const s of firing('bouwjaar_1965_1985')) {
      const reason = s.opportunities.optoppen.reasons.find((r) => r.code === 'bouwjaar_1965_1985');
      expect(reason?.text_nl).toMatch(/^bouwjaar 19(6[5-9]|7\d|8[0-5])$/);
    }
  });

  it('"lager dan buren" matches a brute-force check in RD metres with raw heights', () => {
    const points = rawBuildings
      .map((o) => {
        const id = String(o.attributes['identificatie']).replace('NL.IMBAG.Pand.', '');
        const max = o.attributes['h_dak_max'];
        const ground = o.attributes['h_maaiveld'];
        const centroid = byId.get(id) ? buildings.find((b) => b.bagId === id)?.centroid : undefined;
        return { id, height: typeof max === 'number' && typeof ground === 'number' ? max - ground : null, rd: centroid ? wgs84ToRd(centroid) : null };
      })
      .filter((p): p is { id: string; height: number; rd: [number, number] } => p.height !== null && p.rd !== null);
    const lowerAt = (radiusM: number) =>
      new Set(
        points
          .filter((p) => {
            const heights = points.filter((q) => q !== p && Math.hypot(q.rd[0] - p.rd[0], q.rd[1] - p.rd[1]) <= radiusM).map((q) => q.height).sort((a, b) => a - b);
            if (heights.length < rules.neighbours.minNeighbours) return false;
            const mid = Math.floor(heights.length / 2);
            const median = heights.length % 2 ? (heights[mid] ?? 0) : ((heights[mid - 1] ?? 0) + (heights[mid] ?? 0)) / 2;
            // heightM is rounded to 0.01 and the difference to 0.1 before the ≤ −3 m comparison.
            return Math.round((Math.round(p.height * 100) / 100 - median) * 10) / 10 <= -3;
          })
          .map((p) => p.id),
      );
    // The scoring measures on the WGS84 ellipsoid, this check in RD metres: they differ by RD's scale (~1e-4, 5 mm
    // at 50 m). Buildings with a neighbour within 5 cm of the radius may go either way; all others must agree.
    const inner = lowerAt(rules.neighbours.radiusM - 0.05);
    const outer = lowerAt(rules.neighbours.radiusM + 0.05);
    const stable = points.map((p) => p.id).filter((id) => inner.has(id) === outer.has(id));
    expect(points.length - stable.length).toBeLessThanOrEqual(3);
    const fired = new Set(firing('lager_dan_buren').map((s) => s.bagId));
    expect(fired.size).toBeGreaterThan(100);
    expect(stable.filter((id) => fired.has(id)).sort()).toEqual(stable.filter((id) => inner.has(id)).sort());
  });

  it('the constructed verblijfsobjecten make the expected splitsen and transformatie candidates', () => {
    const herenhuis = byId.get('0503100000004563')?.opportunities.splitsen;
    // 1928, 1 dwelling of 210 m²: grote_woningen 40 + bouwjaar_voor_1945 15 (+ storeys if 2–4)
    expect(herenhuis?.reasons.map((r) => r.text_nl).slice(0, 2)).toEqual(['gemiddeld 210 m² per woning', 'bouwjaar 1928']);
    const office = byId.get('0503100000004494')?.opportunities.transformatie;
    expect(office?.score).toBe(80);
    expect(office?.reasons.map((r) => r.text_nl)).toEqual(['gebruiksdoel kantoorfunctie, geen woonfunctie', 'leegstand bekend']);
    const garage = byId.get('0503100000028401')?.opportunities.transformatie;
    expect(garage?.reasons.map((r) => r.code)).toEqual(['garageboxen_overig']);
  });

  it('every score is 0..100 and equals the clamped sum of its reasons', () => {
    for (const s of scored) {
      for (const kind of [s.opportunities.optoppen, s.opportunities.splitsen, s.opportunities.transformatie]) {
        const sum = kind.reasons.reduce((total, r) => total + r.points, 0);
        expect(kind.score).toBe(Math.min(100, Math.max(0, sum)));
      }
    }
  });
});
