/**
 * The municipality's projects on a MapLibre map with the CBS municipality boundary (no basemap: no tile or glyph
 * server is reachable, as on the kansenkaart). The points come from the compact map endpoint (…/monitoring/map): only
 * projects the viewer may see that have a location — confidential projects of others are never placed. Colour: official MPG, indicative MPG, none.
 * The project table below the map is the accessible alternative; a click on a point opens a popup with a link.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AttributionControl, Map as MapLibreMap, NavigationControl, Popup, setWorkerUrl, type GeoJSONSource, type MapLayerMouseEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { DashboardProjectMap } from '@kringbouw/contracts';
import type { ProjectKind } from '@kringbouw/domain/projects';
import { formatDecimal } from '../../lib/format.ts';
import { useMunicipalityBoundary } from '../kansenkaart/api.ts';
import { boundsOf } from '../kansenkaart/StockMap.tsx';
import { useDashboardMap } from './api.ts';

setWorkerUrl(workerUrl);

const NETHERLANDS: [[number, number], [number, number]] = [
  [3.3, 50.75],
  [7.23, 53.55],
];
const empty = { type: 'FeatureCollection' as const, features: [] };

/** GeoJSON points of the map endpoint's project columns (standing: which MPG the colour shows). */
export function projectPoints(map: DashboardProjectMap) {
  return {
    type: 'FeatureCollection' as const,
    features: map.id.map((id, i) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [map.lon[i] as number, map.lat[i] as number] },
      properties: { id, name: map.name[i], phase: map.phase[i], dwellings: map.dwellings[i], mpg: map.mpg[i] ?? null, standing: map.standing[i] },
    })),
  };
}

const noPoints: DashboardProjectMap = { id: [], name: [], phase: [], lat: [], lon: [], dwellings: [], mpg: [], standing: [] };

export function ProjectMap({ municipalityCode, kind, year, total }: { municipalityCode: string; kind: ProjectKind | ''; year: string; total: number }) {
  const { t } = useTranslation();
  const pointsQuery = useDashboardMap(municipalityCode, kind, year);
  const points = pointsQuery.data ?? noPoints;
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const loaded = useRef<Promise<void> | null>(null);
  const boundary = useMunicipalityBoundary(municipalityCode);
  const tRef = useRef(t);
  useEffect(() => {
    tRef.current = t;
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const map = new MapLibreMap({
      container: element,
      style: {
        version: 8,
        sources: { boundary: { type: 'geojson', data: empty }, projects: { type: 'geojson', data: empty } },
        layers: [
          { id: 'background', type: 'background', paint: { 'background-color': '#eef1f3' } },
          { id: 'boundary-fill', type: 'fill', source: 'boundary', paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.85 } },
          { id: 'boundary-line', type: 'line', source: 'boundary', paint: { 'line-color': '#01689b', 'line-width': 2, 'line-dasharray': [3, 2] } },
          {
            id: 'projects',
            type: 'circle',
            source: 'projects',
            paint: {
              'circle-color': ['match', ['get', 'standing'], 'officieel', '#01689b', 'indicatief', '#e17000', '#8a8a8a'],
              'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'dwellings']], 1, 5, 30, 16],
              'circle-stroke-color': '#ffffff',
              'circle-stroke-width': 1.5,
              'circle-opacity': 0.9,
            },
          },
        ],
      },
      bounds: NETHERLANDS,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    mapRef.current = map;
    loaded.current = new Promise((resolve) => map.once('load', () => resolve()));
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new AttributionControl({ compact: true, customAttribution: 'CBS, Kadaster — CC BY 4.0' }));
    const popup = new Popup({ closeButton: true, closeOnClick: true });
    map.on('click', 'projects', (event: MapLayerMouseEvent) => {
      const feature = event.features?.[0];
      if (!feature || feature.geometry.type !== 'Point') return;
      const { id, name, mpg, standing } = feature.properties as { id: string; name: string; mpg: number | null; standing: string };
      const box = document.createElement('div');
      const link = document.createElement('a');
      link.href = `/projecten/${encodeURIComponent(id)}`;
      link.textContent = name;
      box.append(link);
      const line = document.createElement('div');
      line.textContent = typeof mpg === 'number' ? `MPG ${formatDecimal(mpg, 2)} (${tRef.current(`monitoring.standing.${standing === 'officieel' ? 'officieel' : 'indicatief'}`)})` : tRef.current('monitoring.map.noMpg');
      box.append(line);
      popup.setLngLat(feature.geometry.coordinates as [number, number]).setDOMContent(box).addTo(map);
    });
    map.on('mouseenter', 'projects', () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', 'projects', () => (map.getCanvas().style.cursor = ''));
    return () => {
      popup.remove();
      map.remove();
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    void loaded.current?.then(() => {
      mapRef.current?.getSource<GeoJSONSource>('projects')?.setData(projectPoints(points));
    });
  }, [points]);

  useEffect(() => {
    if (!boundary.data) return;
    const data = boundary.data;
    void loaded.current?.then(() => {
      const map = mapRef.current;
      if (!map) return;
      map.getSource<GeoJSONSource>('boundary')?.setData({ type: 'FeatureCollection', features: data.features });
      const bounds = boundsOf(data);
      if (bounds) map.fitBounds(bounds, { padding: 24, animate: false });
    });
  }, [boundary.data]);

  const placed = points.id.length;
  return (
    <figure className="project-map">
      <div ref={container} className="project-map__canvas" role="img" aria-label={t('monitoring.map.label', { count: placed })} data-testid="project-map" data-points={placed} aria-busy={pointsQuery.isPending} />
      <figcaption className="muted">
        <span className="project-map__key project-map__key--official" /> {t('monitoring.map.official')} <span className="project-map__key project-map__key--indicative" /> {t('monitoring.map.indicative')}{' '}
        <span className="project-map__key" /> {t('monitoring.map.none')} — {t('monitoring.map.caption', { placed, total })}
      </figcaption>
    </figure>
  );
}
